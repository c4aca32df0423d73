package dev.reelwatch.app;

import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.ui.bulk.BulkActionsViewModel;
import dev.reelwatch.ui.common.FxDialogService;
import dev.reelwatch.ui.failures.FailuresViewModel;
import dev.reelwatch.app.demo.DemoEnvironment;
import dev.reelwatch.core.Account;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.accounts.AccountsDialog;
import dev.reelwatch.ui.accounts.AccountsViewModel;
import dev.reelwatch.ui.accounts.PlainHttpPermissions;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxDialogService;
import dev.reelwatch.ui.common.ProblemReporter;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.main.AboutInfo;
import dev.reelwatch.ui.notify.CommandOsNotifier;
import dev.reelwatch.ui.preferences.PreferencesView;
import dev.reelwatch.ui.preferences.PreferencesViewModel;
import dev.reelwatch.ui.preferences.PreferencesWindow;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.common.LazyPane;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.compare.CompareWindow;
import dev.reelwatch.ui.detail.DetailView;
import dev.reelwatch.ui.detail.DetailViewModel;
import dev.reelwatch.ui.library.TaskLibraryView;
import dev.reelwatch.ui.library.TaskLibraryViewModel;
import dev.reelwatch.ui.main.MainView;
import dev.reelwatch.ui.main.MainWindowFactory;
import dev.reelwatch.ui.main.MainViewModel;
import dev.reelwatch.ui.media.DragOutFiles;
import dev.reelwatch.ui.media.MediaFeature;
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlaybackEngines;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.theme.OsThemeDetector;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.usage.UsageViewModel;
import dev.reelwatch.ui.usage.UsageWindow;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.ui.history.HistoryExportViewModel;
import dev.reelwatch.ui.rules.RulesViewModel;
import dev.reelwatch.ui.rules.RulesView;
import dev.reelwatch.ui.welcome.WelcomeView;
import dev.reelwatch.ui.welcome.WelcomeViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Builds the main window from the services: the problem area, the task executor, the dialog service and
 * windows, every ViewModel and view, and the ports between them. The only place that knows every screen;
 * {@link #close()} releases what the views subscribed to.
 */
final class DesktopWindow implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesktopWindow.class.getName());
    /** How long background work waits for the task table at most. */
    static final Duration LOAD_FALLBACK = Duration.seconds(10);
    /**
     * How long the Failures model rests after a reload before the next (changes meanwhile make one): while a
     * sync pours pages in, back-to-back regroupings of every failed task took the CPU from the window's frames.
     */
    private static final long FAILURES_PAUSE_MILLIS = 3000;
    /**
     * How long the task list waits after applying store changes before it reads the next ones: each applied read
     * lays out and repaints every visible row, which a page-by-page sync asked for ten times a second.
     */
    private static final long STORE_CHANGES_PAUSE_MILLIS = 300;
    /** The title of the Rules page in Preferences (the rules editor's own bundle names it the same). */
    private static final String RULES_PAGE = java.util.ResourceBundle.getBundle("dev.reelwatch.ui.rules.messages")
            .getString("window.title");
    private final DesktopServices services;
    private final StoreChangeRelay relay;
    private final MainViewModel mainModel;
    private final DetailViewModel detailModel;
    private final MainView mainView;
    private final TaskLibraryViewModel libraryModel;
    private final DialogService dialogs;
    private final LazyPane detailPane;
    private Stage usageWindow;
    private final Lazy<OpenedPreferences> preferences;
    private final FailuresViewModel failuresModel;
    private final ProblemArea problems;

    DesktopWindow(DesktopServices services, DemoEnvironment demo, Map<String, String> env, Stage stage) {
        this.services = services;
        Executor fx = UiThread.fx();
        Executor background = services.background();
        String osName = System.getProperty("os.name", "");
        // The problem area exists before anything that could fail into it.
        problems = new ProblemArea();
        TaskExecutor executor = TaskExecutor.fx(background, services.readOnly() ? readOnlyAware(problems) : problems);
        relay = new StoreChangeRelay(services.tasks(), fx);
        mainModel = MainWindowFactory.model(services.tasks(), services.accounts(), services.settings(),
                services.sync(), relay, new OsThemeDetector(), executor, background, fx, services.clock(), problems);
        // A burst of sync pages reaches the table a few times a second, not once a page (each is a repaint).
        mainModel.tasks().rows().paceChanges(CompletableFuture.delayedExecutor(STORE_CHANGES_PAUSE_MILLIS,
                TimeUnit.MILLISECONDS, fx));
        // Reading starts now, while the views are built: the first page is ready when the window first paints.
        mainModel.start();
        mainModel.statusBar().followDownloads(services.archive()::activeDownloads);
        Consumer<Scene> theme = scene -> ThemeStylesheets.follow(scene, mainModel.theme());
        FxWindows windows = new FxWindows(() -> stage, theme);
        dialogs = new FxDialogService(windows);
        SystemOpener opener = new SystemOpener(background, osName);
        MediaFeature media = new MediaFeature(services.tasks(), services.settings(), services.archive(),
                services.thumbnails(), opener, background, fx, services.clock(), osName,
                new MediaFeature.Shell(executor, windows, dialogs, new DragOutFiles(dragOutFolder(services))));
        detailModel = new DetailViewModel(services.tasks(), relay, services.clock(), executor);
        detailModel.taskIdProperty().bind(mainModel.selectedTaskIdProperty());
        libraryModel = new TaskLibraryViewModel(services.tasks(), relay, executor);
        libraryModel.taskIdProperty().bind(mainModel.selectedTaskIdProperty());
        // The detail pane, its player and library panel are built on first use, after the first rows painted.
        detailPane = new LazyPane(() -> !mainModel.tasks().allRows().isEmpty()
                || mainModel.tasks().loadedProperty().get(), () -> {
            DetailView detailView = new DetailView(detailModel);
            detailView.setPlayer(media.createPlayer(detailModel.taskIdProperty()));
            detailView.setLibraryPanel(new TaskLibraryView(libraryModel));
            return detailView;
        });

        PlainHttpPermissions plainHttp = PlainHttpPermissions.of(services.plainHttpConsent(),
                services::writeAccountsBackup);
        AccountsDialog accountsDialog = new AccountsDialog(asker -> new AccountsViewModel(services.accounts(),
                services.credentials(), plainHttp, env,
                new ProviderConnectionTester(services.providerClients()::create), services.sync(), executor, asker),
                windows, dialogs);
        WelcomeViewModel welcomeModel = new WelcomeViewModel(
                () -> openAccounts(accountsDialog, null),
                () -> {
                    demo.start();
                    services.sync().accountsChanged();
                },
                mainModel::accountsChanged, executor);
        // The welcome view (a hundred nodes) is built only when there is nobody to welcome: hidden, it would
        // still be styled and laid out in every start's first frame.
        LazyPane welcome = new LazyPane(() -> true, () -> new WelcomeView(welcomeModel));
        mainView = MainWindowFactory.view(mainModel, detailPane, welcome, media,
                () -> openAccounts(accountsDialog, null),
                id -> openAccounts(accountsDialog, id),
                serverDeleter(), dialogs);
        // Issue 15: bulk actions over the selection and the Failures view.
        MainWindowFactory.addBulkActions(mainView, new BulkActionsViewModel(services.tasks(), services.accounts(), services.settings(),
                services.sync(), VideoExporter.over(services.archive(), services.tasks()),
                () -> new ExportNaming(services.settings().get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE),
                        ZoneId.systemDefault()),
                serverDeleter()::deleteOnServer, dialogs, mainModel.executor()));
        failuresModel = new FailuresViewModel(services.tasks(), relay, mainModel.executor(), services.clock(),
                ZoneId.systemDefault(), CompletableFuture.delayedExecutor(FAILURES_PAUSE_MILLIS,
                        TimeUnit.MILLISECONDS, Platform::runLater));
        MainWindowFactory.addFailures(mainView, mainModel, failuresModel);
        // The sidebar's count of failure groups: a read of every failed task, after the table has loaded.
        afterTasksLoaded(failuresModel::reload);
        afterTasksLoaded(detailPane::readyNow);
        afterTasksLoaded(mainView.filterBar()::attachNow);
        // Compare plays each task's archived file, or streams its link, in players of its own.
        // Built on first use: nothing of Compare exists before it is asked for.
        CompareWindow[] compare = new CompareWindow[1];
        mainView.setOnCompare(ids -> {
            if (compare[0] == null) {
                PlaybackEngines engines = new FxPlaybackEngines();
                Supplier<PlaybackHost> host = media.playbackHost();
                compare[0] = new CompareWindow(services.tasks(), () -> new PlayerViewModel(services.tasks(),
                        engines, opener, services.clock(), host), executor, ZoneId.systemDefault(), windows);
            }
            compare[0].open(ids);
        });
        mainView.taskTable().setOnOpenVideo(id -> openVideo(id, opener));
        mainView.setOnAccounts(() -> openAccounts(accountsDialog, null));
        mainView.setAbout(new AboutInfo(AppInfo.NAME, AppInfo.version(), services.dataDir(),
                AboutInfo.bundledLibraries()));
        mainView.setOsNotifier(new CommandOsNotifier(System.getProperty("os.name", ""),
                env.getOrDefault("PATH", ""), background));
        mainView.setOnUsage(() -> {
            if (usageWindow != null && usageWindow.isShowing()) {
                usageWindow.toFront();
                return;
            }
            usageWindow = UsageWindow.show(windows, new UsageViewModel(services.tasks(), relay, executor,
                    services.clock(), ZoneId.systemDefault()), dialogs);
        });
        // Preferences (and its Rules page) are built the first time they are opened; Tools → Rules… opens that page.
        preferences = new Lazy<>(() -> createPreferences(stage, theme, opener, executor));
        mainView.setOnPreferences(() -> {
            OpenedPreferences p = preferences.get();
            p.rules().reload();
            p.window().show(stage);
        });
        mainView.setOnRules(() -> {
            OpenedPreferences p = preferences.get();
            p.rules().reload();
            p.window().show(stage);
            p.window().view().selectPage(RULES_PAGE);
        });
        HistoryExportViewModel history = new HistoryExportViewModel(services.tasks(), dialogs, executor,
                services.clock(), () -> java.nio.file.Path.of(System.getProperty("user.home", ".")));
        mainView.setOnExportHistory(history::export);
        // A rule may ask for, or silence, a task's desktop notification.
        mainModel.notifications().setRuleChoice(row -> services.ruleEngine().notificationFor(new TaskSummary(
                row.id(), row.accountId(), row.accountName(), row.provider(), row.providerTaskId(), row.status(),
                row.providerStatus(), row.progress(), row.etaSeconds(), row.prompt(), row.model(), row.createdAt(),
                row.completedAt(), row.duration(), row.resolution(), row.aspectRatio(), row.cost(), null,
                row.onProvider(), row.archived(), null, row.starred(), row.note(), row.tags())));
    }

    /** The Preferences window with its model and the rules editor on its Rules page. */
    private record OpenedPreferences(PreferencesViewModel model, PreferencesWindow window, RulesViewModel rules) {
    }

    private OpenedPreferences createPreferences(Stage stage, Consumer<Scene> theme, SystemOpener opener,
                                                TaskExecutor executor) {
        PreferencesViewModel model = new PreferencesViewModel(new SettingsWriter(services.settings(), executor),
                services::applyCadence, services.videoArchive(), services.archive()::poke, services.tasks(),
                mainModel.selectedTaskIdProperty(), mainModel.notifications().enabledProperty(),
                mainModel.notifications().onlyFailuresProperty(), mainModel.theme().choiceProperty(),
                services.dataDir(), opener, dialogs, executor, ZoneId.systemDefault());
        PreferencesWindow window = new PreferencesWindow(new PreferencesView(model), theme);
        RulesViewModel rules = new RulesViewModel(services.rules(), services.ruleEngine(), executor, dialogs);
        window.view().addPage(RULES_PAGE, new RulesView(rules));
        return new OpenedPreferences(model, window, rules);
    }

    /** Where dragged-out files are staged under their export names; emptied at each start (see DragOutFiles). */
    private static Path dragOutFolder(DesktopServices services) {
        Path folder = services.dataDir().resolve("drag-out");
        if (!services.readOnly()) {
            // Off the FX thread: the last session's staged files may be many.
            services.background().execute(() -> emptyFolder(folder));
        }
        return folder;
    }

    private static void emptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> old = Files.walk(folder)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(Level.WARNING, "could not empty " + folder, e);
        }
    }

    /**
     * Enter on a task: its video in the detail pane's player when the pane is showing, else in the system's
     * player (the archived file, or the provider's link in the browser).
     */
    private void openVideo(long taskId, SystemOpener opener) {
        if (detailPane.getScene() != null && detailPane.isVisible()) {
            mainView.openDetail();
            return;
        }
        services.background().execute(() -> services.tasks().byId(taskId).ifPresent(t -> {
            Optional<String> file = t.localFile();
            if (file.isPresent()) {
                opener.open(java.nio.file.Path.of(file.get()));
            } else {
                t.task().primaryVideo().ifPresent(v -> opener.browse(java.net.URI.create(v.url())));
            }
        }));
    }

    /** Opens the accounts dialog; when it closes the sidebar and welcome state are reloaded. */
    private void openAccounts(AccountsDialog dialog, Long accountId) {
        Stage shown = dialog.show(accountId);
        shown.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> mainModel.accountsChanged());
    }

    /** Puts the window on screen and starts loading; call on the FX thread. */
    void show(Stage stage) {
        Scene scene = mainView.createScene();
        stage.setTitle(AppInfo.NAME);
        stage.setScene(scene);
        mainView.bindWindow(stage);
        if (StartupMarks.enabled()) {
            StartupMarks.watch(scene, mainModel.tasks().allRows(), mainModel.tasks().loadedProperty());
        }
        // The first page was read while the window was built: shown now, it is in the first frame.
        mainModel.tasks().rows().showFirstPageIfRead();
        stage.show();
    }

    /**
     * Runs {@code action} once on the FX thread when the task table has loaded the whole cache, or after
     * {@link #LOAD_FALLBACK} should loading fail, whichever comes first.
     */
    void afterTasksLoaded(Runnable action) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
        whenTasksLoaded(once);
        if (!done[0]) {
            PauseTransition fallback = new PauseTransition(LOAD_FALLBACK);
            fallback.setOnFinished(e -> once.run());
            fallback.play();
        }
    }

    /** Runs {@code action} once on the FX thread when the task table has loaded the whole cache (never if it fails). */
    void whenTasksLoaded(Runnable action) {
        ReadOnlyBooleanProperty loaded = mainModel.tasks().loadedProperty();
        if (loaded.get()) {
            action.run();
            return;
        }
        loaded.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    loaded.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /**
     * Over a read-only cache, a save refused for that reason (a column width, a divider) is logged rather than
     * shown: the problem area already says once that nothing can be saved, and keeps saying it.
     */
    private static ProblemReporter readOnlyAware(ProblemArea problems) {
        ProblemReporter logging = ProblemReporter.logging();
        return (what, failure) -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof dev.reelwatch.store.ReadOnlyCacheException) {
                    logging.report(what, failure);
                    return;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            problems.report(what, failure);
        };
    }

    /** Tells, in the problem area, that the data directory is read-only and nothing can be saved. */
    void showReadOnly(Path dataDir) {
        java.util.ResourceBundle text = java.util.ResourceBundle.getBundle("dev.reelwatch.app.messages");
        problems.report(text.getString("readOnly.what"),
                java.text.MessageFormat.format(text.getString("readOnly.message"), dataDir));
    }

    /** The dialogs of the main window. */
    DialogService dialogs() {
        return dialogs;
    }

    MainViewModel mainModel() {
        return mainModel;
    }

    /** The Preferences window (built now if it was not yet), e.g. to add pages ({@code view().addPage}). */
    PreferencesWindow preferences() {
        return preferences.get().window();
    }

    /** Deletes a MoneyPrinterTurbo task on its server, with the account's own client and key. */
    private ServerTaskDeleter serverDeleter() {
        return taskId -> {
            StoredTask task = services.tasks().byId(taskId)
                    .orElseThrow(() -> new IllegalStateException("The task is no longer in the cache."));
            Account account = services.accounts().byId(task.accountId())
                    .orElseThrow(() -> new IllegalStateException("The task's account was removed."));
            ProviderClient client = services.providerClients().create(account,
                    services.credentialResolver().apiKeyFor(account).orElse(null));
            client.deleteTask(task.task().providerTaskId());
        };
    }

    @Override
    public void close() {
        preferences.ifBuilt(p -> p.model().close());
        failuresModel.close();
        libraryModel.close();
        detailModel.close();
        mainModel.close();
        relay.close();
    }
}
