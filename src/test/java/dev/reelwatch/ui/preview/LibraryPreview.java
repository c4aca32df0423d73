package dev.reelwatch.ui.preview;

import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.compare.CompareView;
import dev.reelwatch.ui.compare.CompareViewModel;
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.usage.UsageView;
import dev.reelwatch.ui.usage.UsageViewModel;
import dev.reelwatch.usage.UsageFixture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Shows the compare window (two demo clips playing) or the usage view (over {@link UsageFixture}) in a real
 * window, for looking at them under Xvfb: argument "compare" or "usage" (optionally "dark").
 */
public final class LibraryPreview extends Application {

    /** Started through this class, the JavaFX jars may sit on the class path. */
    public static final class Launch {
        private Launch() {
        }

        public static void main(String[] args) {
            Application.launch(LibraryPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        boolean dark = args.contains("dark");
        Path dir = Files.createTempDirectory("reelwatch-library-preview");
        Database db = Database.open(dir.resolve("reelwatch.db"));
        SqliteTaskStore tasks = new SqliteTaskStore(db, Clock.systemUTC());
        SqliteAccountStore accounts = new SqliteAccountStore(db);
        Scene scene;
        if (args.contains("usage")) {
            UsageFixture.fill(accounts, tasks);
            Clock clock = Clock.fixed(Instant.parse("2025-03-13T12:00:00Z"), ZoneId.of("UTC"));
            UsageViewModel vm = new UsageViewModel(tasks, new StoreChangeRelay(tasks, UiThread.fx()),
                    TestExecutors.fx(ForkJoinPool.commonPool()), clock, ZoneId.of("UTC"));
            vm.rangeProperty().set(dev.reelwatch.ui.usage.UsageRange.LAST_30_DAYS);
            if (args.contains("model")) {
                vm.groupingProperty().set(dev.reelwatch.usage.UsageGrouping.MODEL);
            }
            vm.reload();
            scene = new Scene(new UsageView(vm, new dev.reelwatch.ui.fixtures.RecordingDialogs()), 1080, 860);
        } else {
            Account account = accounts.add(new Account(0, ProviderKind.MESHAPI, "Studio",
                    URI.create("https://api.meshapi.ai"), CredentialRef.none(), true, false));
            StoredTask a = archived(tasks, account, dir, "aurora", "Aurora over a frozen lake, slow pan left, 35mm film",
                    "cinematic", 42L);
            StoredTask b = archived(tasks, account, dir, "mandel", "Aurora over a frozen sea, slow pan right, 35mm film",
                    "documentary", 42L);
            FxPlaybackEngines engines = new FxPlaybackEngines();
            CompareViewModel vm = new CompareViewModel(List.of(a, b), () -> new PlayerViewModel(tasks, engines,
                    new SystemOpener(Runnable::run, System.getProperty("os.name")), Clock.systemUTC(),
                    () -> PlaybackHost.probe(System.getProperty("os.name"))), ZoneId.of("UTC"));
            scene = new Scene(new CompareView(vm), 1100, 820);
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            later.setOnFinished(e -> vm.playback().play());
            later.play();
        }
        scene.getStylesheets().setAll(ThemeStylesheets.class.getResource(dark ? "/dev/reelwatch/ui/theme/dark.css"
                        : "/dev/reelwatch/ui/theme/light.css").toExternalForm(),
                ThemeStylesheets.class.getResource("/dev/reelwatch/ui/theme/base.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Reelwatch library preview");
        stage.show();
    }

    private static StoredTask archived(SqliteTaskStore tasks, Account account, Path dir, String clip, String prompt,
                                       String style, long seed) throws Exception {
        Task task = Task.builder("cgt-" + clip, TaskStatus.SUCCEEDED).prompt(prompt).model("seedance-1-0-pro")
                .resolution("1280x720").aspectRatio("16:9").seed(seed).fps(24.0)
                .cost(Cost.tokens(clip.equals("aurora") ? 22894 : 24120)).parameter("style", style)
                .parameter("camera_fixed", "false").createdAt(Instant.parse("2025-03-10T09:00:00Z"))
                .completedAt(Instant.parse(clip.equals("aurora") ? "2025-03-10T09:01:32Z" : "2025-03-10T09:02:05Z"))
                .addOutput(TaskOutput.video(0, "https://cdn.example/" + clip + ".mp4")).build();
        tasks.upsert(account.id(), List.of(task.withAccountId(account.id())));
        StoredTask stored = tasks.find(account.id(), task.providerTaskId()).orElseThrow();
        Path file = dir.resolve(clip + ".mp4");
        try (InputStream in = LibraryPreview.class.getResourceAsStream("/dev/reelwatch/sim/clips/" + clip + ".mp4")) {
            Files.copy(in, file);
        }
        tasks.updateArchive(stored.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(), Files.size(file),
                null, 100, null);
        return tasks.byId(stored.id()).orElseThrow();
    }

}
