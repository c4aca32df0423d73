package dev.reelwatch.ui.main;

import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.pause.SyncPauseViewModel;
import dev.reelwatch.ui.status.SelectionSummaryViewModel;
import dev.reelwatch.ui.notify.TaskNotificationsViewModel;
import dev.reelwatch.ui.sidebar.AccountProblemViewModel;
import dev.reelwatch.ui.sidebar.SidebarViewModel;
import dev.reelwatch.ui.status.StatusBarViewModel;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.theme.ThemeViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main window's state: the task list, sidebar, status bar, theme and notifications ViewModels (made and
 * wired to each other by {@link MainWindowFactory}), plus the window's remembered geometry and pane toggles. {@link #start()} loads; {@link #close()} lets go.
 */
public final class MainViewModel implements AutoCloseable {
    static final String WINDOW_KEY = "ui.window";
    static final String DIVIDERS_KEY = "ui.window.dividers";
    static final String GALLERY_KEY = "ui.tasks.gallery";
    static final String DETAIL_KEY = "ui.window.detailShown";
    static final String SIDEBAR_KEY = "ui.window.sidebarShown";

    private final SyncService sync;
    private final TaskExecutor executor;
    private final ProblemArea problems;
    private final SettingsWriter settings;
    private final LiveAccounts accounts;
    private final TaskListViewModel tasks;
    private final SidebarViewModel sidebar;
    private final StatusBarViewModel statusBar;
    private final ThemeViewModel theme;
    private final TaskNotificationsViewModel notifications;
    private final BooleanBinding showWelcome;
    private final javafx.beans.property.BooleanProperty galleryMode =
            new javafx.beans.property.SimpleBooleanProperty(this, "galleryMode");
    private final BooleanProperty detailShown = new SimpleBooleanProperty(this, "detailShown", true);
    private final BooleanProperty sidebarShown = new SimpleBooleanProperty(this, "sidebarShown", true);
    private final AccountProblemViewModel accountProblem;
    // Issue 15: pausing and the selection in the status bar.
    private final SyncPauseViewModel pause;
    private final SelectionSummaryViewModel selection;

    /**
     * The ViewModels of the main window's parts, created and wired to each other by {@link MainWindowFactory}.
     *
     * @param executor background work with its results on the FX thread; unhandled failures go to {@code problems}
     * @param problems the window's problem area, shown by the main view
     */
    record Parts(SettingsStore settingsStore, SyncService sync, TaskExecutor executor, ProblemArea problems,
                 SettingsWriter settings, LiveAccounts accounts, TaskListViewModel tasks, SidebarViewModel sidebar,
                 StatusBarViewModel statusBar, ThemeViewModel theme, TaskNotificationsViewModel notifications,
                 AccountProblemViewModel accountProblem, SyncPauseViewModel pause,
                 SelectionSummaryViewModel selection) {
    }

    MainViewModel(Parts parts) {
        this.sync = parts.sync();
        this.executor = parts.executor();
        this.problems = parts.problems();
        this.settings = parts.settings();
        this.accounts = parts.accounts();
        this.tasks = parts.tasks();
        this.sidebar = parts.sidebar();
        this.statusBar = parts.statusBar();
        this.theme = parts.theme();
        this.notifications = parts.notifications();
        this.accountProblem = parts.accountProblem();
        this.pause = parts.pause();
        this.selection = parts.selection();
        SettingsStore settingsStore = parts.settingsStore();
        remember(galleryMode, GALLERY_KEY, false, settingsStore);
        remember(detailShown, DETAIL_KEY, true, settingsStore);
        remember(sidebarShown, SIDEBAR_KEY, true, settingsStore);
        this.showWelcome = Bindings.createBooleanBinding(
                () -> accounts.loadedProperty().get() && accounts.entries().isEmpty() && tasks.allRows().isEmpty(),
                accounts.loadedProperty(), accounts.entries(), tasks.allRows());
    }

    /** A toggle read from the settings now and saved there whenever it changes. */
    private void remember(BooleanProperty toggle, String key, boolean byDefault, SettingsStore store) {
        toggle.set(store.getBoolean(key, byDefault));
        toggle.addListener((o, was, now) -> settings.put(key, String.valueOf(now)));
    }

    /** Loads accounts and tasks in the background. */
    public void start() {
        accounts.reload();
        tasks.reload();
    }

    /** "Refresh" (F5): polls every enabled account now; the status bar says so until the pass has ended. */
    public void refresh() {
        statusBar.beginCheck();
        BackgroundTask.wrap(sync::refreshNow).describedAs("Checking the accounts").executeWith(executor);
    }

    /** The composition root calls this after an account was added, edited or removed. */
    public void accountsChanged() {
        accounts.reload();
    }

    public Optional<WindowPlacement> savedPlacement() {
        return settings.store().get(WINDOW_KEY).flatMap(WindowPlacement::decode);
    }

    public void savePlacement(WindowPlacement placement) {
        settings.put(WINDOW_KEY, placement.encode());
    }

    /** The split pane's divider positions (0..1), sidebar first; empty when never saved. */
    public List<Double> savedDividers() {
        List<Double> out = new ArrayList<>();
        for (String part : settings.store().get(DIVIDERS_KEY, "").split(",")) {
            try {
                double d = Double.parseDouble(part);
                if (d > 0 && d < 1) {
                    out.add(d);
                }
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return out;
    }

    public void saveDividers(List<Double> positions) {
        StringBuilder b = new StringBuilder();
        for (Double d : positions) {
            b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", d));
        }
        settings.put(DIVIDERS_KEY, b.toString());
    }

    /** The focused task, for the detail pane and player; null when nothing is selected. */
    public ReadOnlyObjectProperty<Long> selectedTaskIdProperty() {
        return tasks.selectedTaskIdProperty();
    }

    /** True when there are no accounts and no cached tasks: the welcome view replaces the table. */
    public BooleanBinding showWelcomeBinding() {
        return showWelcome;
    }

    /** Thumbnails in a grid instead of table rows; remembered across runs. */
    public javafx.beans.property.BooleanProperty galleryModeProperty() {
        return galleryMode;
    }

    /** Whether the detail pane is shown (F9, the toolbar toggle); remembered across runs. */
    public BooleanProperty detailShownProperty() {
        return detailShown;
    }

    /** Whether the sidebar is shown (Ctrl+B, the toolbar toggle); remembered across runs. */
    public BooleanProperty sidebarShownProperty() {
        return sidebarShown;
    }

    /** The panel of a failing account selected in the sidebar. */
    public AccountProblemViewModel accountProblem() {
        return accountProblem;
    }

    /** The window's problem area: failures nobody else handled, until dismissed. */
    public ProblemArea problems() {
        return problems;
    }

    public TaskListViewModel tasks() {
        return tasks;
    }

    public SidebarViewModel sidebar() {
        return sidebar;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public ThemeViewModel theme() {
        return theme;
    }

    public TaskNotificationsViewModel notifications() {
        return notifications;
    }

    public LiveAccounts accounts() {
        return accounts;
    }

    /** Issue 15: Pause/Resume of accounts and "Pause all syncing". */
    public SyncPauseViewModel pause() {
        return pause;
    }

    /** Issue 15: "3 selected · 1.2 GB archived" for the status bar. */
    public SelectionSummaryViewModel selectionSummary() {
        return selection;
    }

    /** The seam the window's newer features run their background work through (failures to the problem area). */
    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        tasks.close();
        accounts.close();
    }
}
