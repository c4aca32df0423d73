package dev.reelwatch.app;

import dev.reelwatch.app.demo.DemoEnvironment;
import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.StoreException;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxDialogService;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop composition root behind the JavaFX application class {@code dev.reelwatch.Reelwatch}: opens the
 * data directory, starts the demo simulators (when asked or when demo accounts exist), shows the main window,
 * and starts the poller and the archiver once the window has loaded the cache.
 *
 * <p>Parameters: {@code --data-dir=DIR} chooses the data directory, {@code --demo} starts the demo at once.
 */
public final class DesktopApp {
    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());
    /** Set by the launcher and {@code mvn javafx:run} with the JVM options that make it cheap (see pom.xml). */
    static final String COMPACT_AFTER_LOAD = "reelwatch.compactAfterLoad";

    private final Predicate<Path> writable;
    private DesktopServices services;
    private DemoEnvironment demo;
    private DesktopWindow window;
    /** Keeps the background threads below the window's priority (Linux); stopped with the app. */
    private BackgroundPriority backgroundPriority;
    /** Ends the heap's settling after the load (on the FX thread); stopped with the app. */
    private PauseTransition settlingEnd;
    private String startupProblem;
    private CompletableFuture<List<Image>> icons = CompletableFuture.completedFuture(List.of());
    private volatile boolean backgroundWorkStarted;

    public DesktopApp() {
        this(DataDirectory::isWritable);
    }

    /**
     * @param writable decides whether the data directory can be written to; a directory that cannot, but holds
     *                 a cache, is opened read-only (tests hand in the decision: root can write anywhere)
     */
    DesktopApp(Predicate<Path> writable) {
        this.writable = writable;
    }

    /** Whether the poller and the archiver were started (never for a read-only data directory). */
    boolean backgroundWorkStarted() {
        return backgroundWorkStarted;
    }

    /** Runs on the launcher thread, so opening the database and starting servers never block the FX thread. */
    public void init(Application.Parameters parameters) {
        // The FX thread idles while this thread opens the cache: it takes the first frame's fixed costs meanwhile.
        Platform.runLater(new FirstFrameWarmUp());
        Map<String, String> named = parameters.getNamed();
        List<String> flags = parameters.getUnnamed();
        Map<String, String> env = System.getenv();
        // Decoded beside the cache's opening, rather than after it or on the FX thread before the first frame.
        // supplyAsync completes the future whatever AppIcons throws, so start() never waits on it for ever.
        icons = CompletableFuture.supplyAsync(AppIcons::load, work -> {
            Thread decoding = new Thread(work, "reelwatch-icons");
            decoding.setDaemon(true);
            decoding.start();
        });
        backgroundPriority = BackgroundPriority.forThisProcess(System.getProperty("os.name", ""),
                env.getOrDefault("PATH", "")).orElse(null);
        try {
            // As the CLI does: a data directory that cannot be written to but holds a cache is opened read-only.
            Path dir = DataDirectory.prepareForReading(DataDirectory.resolve(named.get("data-dir"), env,
                    System.getProperty("os.name", ""), System.getProperty("user.home", ".")));
            services = new DesktopServices(dir, env, Clock.systemUTC(), writable.test(dir));
            demo = new DemoEnvironment(services.accounts(), services.settings(), services.credentials(),
                    services.clock());
            if (services.readOnly()) {
                LOG.warning(() -> "the data directory " + dir + " is read-only: browsing the cache only");
            } else if (flags.contains("--demo")) {
                demo.start();
            } else {
                demo.resumeIfPresent();
            }
        } catch (StoreException e) {
            startupProblem = e.getMessage();
            LOG.log(Level.SEVERE, "cannot open the data directory", e);
        }
    }

    public void start(Stage stage) {
        if (startupProblem != null) {
            // No window and no settings yet: the dialog stands alone, in the light theme.
            DialogService alone = new FxDialogService(new FxWindows(() -> null,
                    scene -> ThemeStylesheets.apply(scene, false)));
            alone.showError(AppInfo.NAME, "Reelwatch cannot open its data", startupProblem);
            Platform.exit();
            return;
        }
        window = new DesktopWindow(services, demo, System.getenv(), stage);
        stage.getIcons().addAll(icons.join());
        window.show(stage);
        if (backgroundPriority != null) {
            // From a second after the window shows, when the first rows are painted: the window's start comes first.
            backgroundPriority.start(services.background());
        }
        // The first read of the whole cache left SQLite's page cache full of pages nothing asks for again.
        window.whenTasksLoaded(() -> services.background().execute(services::releaseLoadMemory));
        if (services.readOnly()) {
            // Nothing may be written: no poller, no archiver, no rule exports; the window says so.
            window.showReadOnly(services.dataDir());
            return;
        }
        // The poller and the archiver wait until the task table has loaded: on two cores their first reads of
        // a large cache (counts, active tasks, outputs to archive) would hold up the window's first frames.
        window.afterTasksLoaded(() -> {
            // The accounts backup a rebuilt cache recovers them from, refreshed at each start.
            services.background().execute(services::writeAccountsBackup);
            services.sync().start();
            services.archive().start();
            // Exports a rule left failed or unfinished last time are taken up again, off the FX thread.
            services.background().execute(services.ruleEngine()::resumeExports);
            backgroundWorkStarted = true;
        });
        if (Boolean.getBoolean(COMPACT_AFTER_LOAD)) {
            // Reading the cache grew the heap far past what the rows keep. With the launcher's options (G1 with
            // -XX:+ExplicitGCInvokesConcurrent, MaxHeapFreeRatio and G1HeapWastePercent) HeapSettling hands the
            // rest back to the OS without stopping the app; the property is only set where that holds.
            window.whenTasksLoaded(() -> {
                HeapSettling settling = new HeapSettling(HeapSettling::hotSpot, System::gc);
                services.background().execute(settling::begin);
                settlingEnd = new PauseTransition(Duration.seconds(HeapSettling.WINDOW_SECONDS));
                settlingEnd.setOnFinished(e -> services.background().execute(settling::end));
                settlingEnd.play();
            });
        }
        services.recoveryNotice().ifPresent(notice -> Platform.runLater(() ->
                window.dialogs().showInfo("Reelwatch rebuilt its cache", notice)));
    }

    public void stop() {
        if (backgroundPriority != null) {
            backgroundPriority.stop();
        }
        if (settlingEnd != null) {
            settlingEnd.stop();
        }
        if (window != null) {
            window.close();
        }
        if (services != null) {
            // The poller stops before the demo servers it polls, then the stores close.
            services.sync().close();
            demo.close();
            services.close();
        }
    }
}
