package dev.reelwatch.ui.main;

import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.bulk.BulkActionsViewModel;
import dev.reelwatch.ui.bulk.BulkSummaryBar;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.LazyPane;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.failures.FailuresView;
import dev.reelwatch.ui.failures.FailuresViewModel;
import dev.reelwatch.ui.failures.SubsetChip;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.notify.DesktopNotifier;
import dev.reelwatch.ui.notify.TaskNotificationsViewModel;
import dev.reelwatch.ui.pause.SyncPauseViewModel;
import dev.reelwatch.ui.sidebar.AccountProblemView;
import dev.reelwatch.ui.sidebar.AccountProblemViewModel;
import dev.reelwatch.ui.sidebar.SidebarSelection;
import dev.reelwatch.ui.sidebar.SidebarView;
import dev.reelwatch.ui.sidebar.SidebarViewModel;
import dev.reelwatch.ui.status.SelectionSummaryViewModel;
import dev.reelwatch.ui.status.StatusBarView;
import dev.reelwatch.ui.status.StatusBarViewModel;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskFilterBar;
import dev.reelwatch.ui.tasks.TaskGalleryView;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.tasks.TaskTableView;
import dev.reelwatch.ui.theme.SystemTheme;
import dev.reelwatch.ui.theme.ThemeViewModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place in {@code ui} that makes the main window's Views and ViewModels and wires them to each other
 * (the composition root, {@code app.DesktopWindow}, calls it and makes the rest). {@link MainView} and
 * {@link MainViewModel} only lay out, bind and forward what they are handed.
 */
public final class MainWindowFactory {

    private MainWindowFactory() {
    }

    /**
     * The main window's state: task list, accounts, sidebar, status bar, theme, notifications, pause and the
     * selection summary.
     *
     * @param executor   background work with its results on the FX thread; unhandled failures go to {@code problems}
     * @param background and {@code ui}: the task list's own threads (it hands its results over itself)
     * @param problems   the window's problem area, shown by the main view
     */
    public static MainViewModel model(TaskStore taskStore, AccountStore accountStore, SettingsStore settingsStore,
                                      SyncService sync, StoreChangeRelay relay, SystemTheme systemTheme,
                                      TaskExecutor executor, Executor background, Executor ui, Clock clock,
                                      ProblemArea problems) {
        SettingsWriter settings = new SettingsWriter(settingsStore, executor);
        RelativeTime time = new RelativeTime(clock);
        LiveAccounts accounts = new LiveAccounts(accountStore, sync, executor, ui);
        TaskListViewModel tasks = new TaskListViewModel(taskStore, relay, sync, settings, background, ui, time);
        SidebarViewModel sidebar = new SidebarViewModel(tasks, accounts);
        TaskNotificationsViewModel notifications = new TaskNotificationsViewModel(settings, clock);
        tasks.addTransitionListener(notifications::onTransitions);
        return new MainViewModel(new MainViewModel.Parts(settingsStore, sync, executor, problems, settings, accounts,
                tasks, sidebar, new StatusBarViewModel(accounts, tasks),
                new ThemeViewModel(settings, systemTheme, executor), notifications,
                new AccountProblemViewModel(sidebar, accounts, time, sync::refreshAccount),
                new SyncPauseViewModel(accountStore, settingsStore, sync, accounts, executor, problems::report),
                new SelectionSummaryViewModel(tasks.selectedIds(), taskStore, executor)));
    }

    /**
     * The main window's view over {@code vm}: table, gallery, filter bar, sidebar, the failing account's panel,
     * status bar and the in-window notifications.
     *
     * @param detailPane the detail pane (built by the composition root, possibly on first use)
     * @param welcome    shown instead of the table while there are no accounts and no tasks
     */
    public static MainView view(MainViewModel vm, Node detailPane, Node welcome, MediaHooks media,
                                Runnable onAddAccount, Consumer<Long> onEditAccount, ServerTaskDeleter deleter,
                                DialogService dialogs) {
        // The table and notifications open the detail pane of the view that holds them.
        MainView[] window = new MainView[1];
        Runnable openDetail = () -> window[0].openDetail();
        TaskTableView table = new TaskTableView(vm.tasks(), media, deleter, openDetail, onAddAccount, vm::refresh,
                dialogs);
        TaskGalleryView gallery = new TaskGalleryView(vm.tasks(), media, openDetail, null);
        TaskFilterBar filters = new TaskFilterBar(vm.tasks(), vm.accounts().entries());
        filters.attachAfterFirstFrame(() -> !vm.tasks().allRows().isEmpty() || vm.tasks().loadedProperty().get());
        SidebarView sidebar = new SidebarView(vm.sidebar(), onAddAccount, onEditAccount, dialogs);
        sidebar.setPauseActions(vm.pause());
        StatusBarView statusBar = new StatusBarView(vm.statusBar());
        statusBar.showSelectionAndPause(vm.selectionSummary(), vm.pause());
        // Built when an account first fails: hidden, its text area and buttons would still be styled and laid
        // out in every start's first frame.
        LazyPane problem = new LazyPane(() -> true, () -> new AccountProblemView(vm.accountProblem(), onEditAccount));
        problem.visibleProperty().bind(vm.accountProblem().failingProperty().isNotNull());
        problem.setAlignment(Pos.TOP_LEFT);
        problem.setMaxWidth(AccountProblemView.MAX_WIDTH);
        HBox.setHgrow(problem, Priority.ALWAYS);
        MainView view = new MainView(vm, new MainView.Parts(table, gallery, filters, sidebar, statusBar, problem,
                detailPane, welcome, media, onAddAccount, onEditAccount, dialogs));
        window[0] = view;
        new DesktopNotifier(vm.notifications(), view.notificationPane(),
                () -> view.getScene() == null ? null : view.getScene().getWindow(),
                () -> vm.theme().darkProperty().get(), id -> {
                    table.select(List.of(id));
                    view.openDetail();
                }, view.osNotifier());
        return view;
    }

    /** Issue 15: bulk actions over the selection, with their summary strip under the list. */
    public static void addBulkActions(MainView view, BulkActionsViewModel bulk) {
        // Built for the first batch: until then the strip (a details list among it) would be styled and laid out
        // hidden in every start's first frame.
        LazyPane bar = new LazyPane(() -> true, () -> new BulkSummaryBar(bulk));
        bar.visibleProperty().bind(bulk.runningProperty().or(bulk.summaryProperty().isNotNull()));
        bar.managedProperty().bind(bar.visibleProperty());
        view.useBulkActions(bulk, bar);
    }

    /**
     * Issue 15: the sidebar's Failures view (built the first time it is shown) and the chip over a failure
     * group's tasks. The groups are read when the view shows, or when the caller calls
     * {@link FailuresViewModel#reload()} (for the sidebar's count).
     */
    public static void addFailures(MainView view, MainViewModel vm, FailuresViewModel failures) {
        view.useFailures(failures, () -> new FailuresView(failures), new SubsetChip(vm.tasks().subsetProperty(),
                () -> vm.sidebar().selectionProperty().set(SidebarSelection.FAILURES),
                () -> vm.sidebar().selectionProperty().set(SidebarSelection.ALL)));
    }
}
