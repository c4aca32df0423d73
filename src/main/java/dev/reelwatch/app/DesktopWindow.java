package dev.reelwatch.app;

import dev.reelwatch.app.demo.DemoEnvironment;
import dev.reelwatch.core.Account;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.accounts.AccountsDialog;
import dev.reelwatch.ui.accounts.AccountsViewModel;
import dev.reelwatch.ui.accounts.PlainHttpPermissions;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.detail.DetailView;
import dev.reelwatch.ui.detail.DetailViewModel;
import dev.reelwatch.ui.main.MainView;
import dev.reelwatch.ui.main.MainViewModel;
import dev.reelwatch.ui.main.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.theme.OsThemeDetector;
import dev.reelwatch.ui.welcome.WelcomeView;
import dev.reelwatch.ui.welcome.WelcomeViewModel;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.ui.compare.CompareWindow;
import dev.reelwatch.ui.library.TaskLibraryView;
import dev.reelwatch.ui.library.TaskLibraryViewModel;
import dev.reelwatch.ui.player.FxPlaybackEngines;
import dev.reelwatch.ui.player.PlaybackEngines;
import dev.reelwatch.ui.player.PlayerViewModel;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.usage.UsageViewModel;
import dev.reelwatch.ui.usage.UsageWindow;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.Executor;

/**
 * Builds the main window from the services: ViewModels, views and the ports between them. The only place
 * that knows every screen; {@link #close()} releases what the views subscribed to.
 */
final class DesktopWindow implements AutoCloseable {
    /** How long background work waits for the task table at most. */
    static final Duration LOAD_FALLBACK = Duration.seconds(10);
    private final DesktopServices services;
    private final StoreChangeRelay relay;
    private final MainViewModel mainModel;
    private final DetailViewModel detailModel;
    private final MainView mainView;
    private final TaskLibraryViewModel libraryModel;
    private final LazyPane detailPane;
    private Stage usageWindow;

    DesktopWindow(DesktopServices services, DemoEnvironment demo, MediaHooks media, Map<String, String> env,
                  Stage stage) {
        this.services = services;
        Executor fx = UiThread.fx();
        Executor background = services.background();
        relay = new StoreChangeRelay(services.tasks(), fx);
        mainModel = new MainViewModel(services.tasks(), services.accounts(), services.settings(), services.sync(),
                relay, new OsThemeDetector(), background, fx, services.clock());
        mainModel.statusBar().followDownloads(services.archive()::activeDownloads);
        detailModel = new DetailViewModel(services.tasks(), relay, services.clock(), background, fx);
        detailModel.taskIdProperty().bind(mainModel.selectedTaskIdProperty());
        libraryModel = new TaskLibraryViewModel(services.tasks(), relay, background, fx);
        libraryModel.taskIdProperty().bind(mainModel.selectedTaskIdProperty());
        // The detail pane, its player and library panel are built on first use, after the first frame.
        detailPane = new LazyPane(() -> {
            DetailView detailView = new DetailView(detailModel);
            detailView.setPlayer(media.createPlayer(detailModel.taskIdProperty()));
            detailView.setLibraryPanel(new TaskLibraryView(libraryModel));
            return detailView;
        });

        PlainHttpPermissions plainHttp = PlainHttpPermissions.of(services.plainHttpConsent(),
                services::writeAccountsBackup);
        AccountsDialog accountsDialog = new AccountsDialog(() -> new AccountsViewModel(services.accounts(),
                services.credentials(), plainHttp, env,
                new ProviderConnectionTester(services.providerClients()::create), services.sync(), background, fx));
        WelcomeViewModel welcomeModel = new WelcomeViewModel(
                () -> openAccounts(accountsDialog, stage, null),
                () -> {
                    demo.start();
                    services.sync().accountsChanged();
                },
                mainModel::accountsChanged, background, fx);
        mainView = new MainView(mainModel, detailPane, new WelcomeView(welcomeModel), media,
                () -> openAccounts(accountsDialog, stage, null),
                id -> openAccounts(accountsDialog, stage, id),
                serverDeleter());
        Consumer<Scene> theme = scene -> ThemeStylesheets.follow(scene, mainModel.theme());
        // Compare plays each task's archived file, or streams its link, in players of its own.
        // Built on first use: nothing of Compare exists before it is asked for.
        SystemOpener opener = new SystemOpener(background, System.getProperty("os.name", ""));
        CompareWindow[] compare = new CompareWindow[1];
        mainView.setOnCompare(ids -> {
            if (compare[0] == null) {
                PlaybackEngines engines = new FxPlaybackEngines();
                compare[0] = new CompareWindow(services.tasks(), () -> new PlayerViewModel(services.tasks(),
                        engines, opener, services.clock(), System.getProperty("os.name", "")), background, fx,
                        ZoneId.systemDefault(), theme);
            }
            compare[0].open(ids, stage);
        });
        mainView.taskTable().setOnOpenVideo(id -> openVideo(id, opener));
        mainView.setOnUsage(() -> {
            if (usageWindow != null && usageWindow.isShowing()) {
                usageWindow.toFront();
                return;
            }
            usageWindow = UsageWindow.show(stage, new UsageViewModel(services.tasks(), relay, background, fx,
                    services.clock(), ZoneId.systemDefault()), theme);
        });
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
    private void openAccounts(AccountsDialog dialog, Stage owner, Long accountId) {
        Stage shown = dialog.show(owner, accountId);
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
        stage.show();
        mainModel.start();
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
        ReadOnlyBooleanProperty loaded = mainModel.tasks().loadedProperty();
        if (loaded.get()) {
            once.run();
            return;
        }
        loaded.addListener((o, was, now) -> {
            if (now) {
                once.run();
            }
        });
        PauseTransition fallback = new PauseTransition(LOAD_FALLBACK);
        fallback.setOnFinished(e -> once.run());
        fallback.play();
    }

    MainViewModel mainModel() {
        return mainModel;
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
        libraryModel.close();
        detailModel.close();
        mainModel.close();
        relay.close();
    }
}
