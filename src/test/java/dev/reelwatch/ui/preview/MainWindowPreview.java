package dev.reelwatch.ui.preview;

import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sync.SyncStatus;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.main.MainView;
import dev.reelwatch.ui.main.MainViewModel;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.theme.ThemeChoice;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens the main window over a temporary cache with ~200 believable tasks, to look at it (not a test):
 * {@code java … MainWindowPreview [light|dark] [empty]}.
 */
public final class MainWindowPreview extends Application {

    /** Started through a class that is not an Application, so JavaFX on the class path works. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(MainWindowPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        boolean dark = args.contains("dark");
        boolean empty = args.contains("empty");
        Path dir = Files.createTempDirectory("rw-preview");
        Clock clock = Clock.systemDefaultZone();
        TestCache cache = new TestCache(dir, clock);
        Instant now = clock.instant();
        if (!empty) {
            Account mesh = cache.addAccount("Studio MeshAPI", ProviderKind.MESHAPI, false);
            Account phaseo = cache.addAccount("Phaseo team", ProviderKind.PHASEO, false);
            Account mpt = cache.addAccount("Home server", ProviderKind.MONEYPRINTERTURBO, false);
            Account demo = cache.addAccount("Demo Hedra", ProviderKind.HEDRA, true);
            cache.tasks.upsert(mesh.id(), TestCache.scenario(mesh, 1, now, 70, 4, List.of("veo-3", "kling-2.1")));
            cache.tasks.upsert(phaseo.id(), TestCache.scenario(phaseo, 2, now, 60, 3, List.of("phaseo-v2")));
            cache.tasks.upsert(mpt.id(), TestCache.scenario(mpt, 3, now, 40, 2, List.of("mpt-local")));
            cache.tasks.upsert(demo.id(), TestCache.scenario(demo, 4, now, 30, 2, List.of("character-3")));
            cache.accounts.saveHealth(new AccountHealth(mesh.id(), now.minusSeconds(40), now.minusSeconds(40), null,
                    null, now.plusSeconds(20), false, Map.of()));
            cache.accounts.saveHealth(new AccountHealth(phaseo.id(), now.minusSeconds(400), now.minusSeconds(10),
                    ProviderErrorKind.RATE_LIMITED, "429 Too Many Requests", now.plusSeconds(50), false, Map.of()));
            cache.accounts.saveHealth(new AccountHealth(mpt.id(), now.minusSeconds(4000), now.minusSeconds(30),
                    ProviderErrorKind.AUTHENTICATION, "401 Unauthorized", now.plusSeconds(300), false, Map.of()));
            cache.accounts.saveHealth(new AccountHealth(demo.id(), now.minusSeconds(5), now.minusSeconds(5), null,
                    null, now.plusSeconds(5), true, Map.of()));
        }
        cache.settings.put("ui.theme", dark ? ThemeChoice.DARK.name() : ThemeChoice.LIGHT.name());
        RecordingSyncService sync = new RecordingSyncService();
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preview-background");
            t.setDaemon(true);
            return t;
        });
        StoreChangeRelay relay = new StoreChangeRelay(cache.tasks, UiThread.fx());
        MainViewModel vm = dev.reelwatch.ui.main.MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, sync, relay,
                () -> Optional.of(false), TestExecutors.fx(background), background, UiThread.fx(), clock,
                new dev.reelwatch.ui.common.ProblemArea());
        Path thumb = Path.of("src/main/resources/dev/reelwatch/sim/clips/aurora.jpg").toAbsolutePath();
        MediaHooks media = new MediaHooks() {
            @Override
            public javafx.scene.Node createPlayer(javafx.beans.value.ObservableValue<Long> id) {
                return new Label();
            }

            @Override
            public void installDragExport(javafx.scene.control.TableView<?> t, java.util.function.Supplier<List<Long>> s) {
            }

            @Override
            public void exportTasks(List<Long> ids, javafx.stage.Window owner) {
            }

            @Override
            public void openContainingFolder(long id) {
            }

            @Override
            public CompletableFuture<Optional<Path>> thumbnailFile(long id) {
                return CompletableFuture.completedFuture(id % 3 == 0 ? Optional.empty() : Optional.of(thumb));
            }
        };
        Label detail = new Label("Detail pane");
        detail.setStyle("-fx-padding: 16;");
        Label welcome = new Label("Welcome view");
        MainView view = dev.reelwatch.ui.main.MainWindowFactory.view(vm, detail, welcome, media, () -> { }, id -> { },
                ServerTaskDeleter.UNSUPPORTED, new dev.reelwatch.ui.fixtures.RecordingDialogs());
        Scene scene = view.createScene();
        stage.setScene(scene);
        stage.setTitle("Reelwatch");
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
        vm.start();
        if (!empty) {
            sync.publish(new SyncStatus(args.contains("offline"), Map.of(), 3));
        }
        args.stream().filter(a -> a.startsWith("shot=")).findFirst().ifPresent(a -> {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
            wait.setOnFinished(e -> {
                try {
                    var image = scene.snapshot(null);
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                            Path.of(a.substring(5)).toFile());
                } catch (java.io.IOException ex) {
                    ex.printStackTrace();
                }
                javafx.application.Platform.exit();
                System.exit(0);
            });
            wait.play();
        });
    }
}
