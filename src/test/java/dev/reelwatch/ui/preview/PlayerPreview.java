package dev.reelwatch.ui.preview;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
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
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlayerView;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Shows the player on a demo clip in a real window, for looking at it (run under Xvfb for screenshots). */
public final class PlayerPreview extends Application {

    /** Started through this class, the JavaFX jars may sit on the class path. */
    public static final class Launch {
        private Launch() {
        }

        public static void main(String[] args) {
            Application.launch(PlayerPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("reelwatch-player-preview");
        Database db = Database.open(dir.resolve("reelwatch.db"));
        SqliteTaskStore tasks = new SqliteTaskStore(db, Clock.systemUTC());
        Account account = new SqliteAccountStore(db).add(new Account(0, ProviderKind.MESHAPI, "studio",
                URI.create("https://api.meshapi.ai"), CredentialRef.none(), true, false));
        Task task = Task.builder("cgt-preview", TaskStatus.SUCCEEDED).createdAt(Instant.now())
                .addOutput(TaskOutput.video(0, "https://cdn.example/cgt-preview.mp4")).build();
        tasks.upsert(account.id(), List.of(task.withAccountId(account.id())));
        StoredTask stored = tasks.find(account.id(), "cgt-preview").orElseThrow();
        Path file = dir.resolve("clip.mp4");
        String clip = getParameters().getRaw().isEmpty() ? "mandel" : getParameters().getRaw().get(0);
        if (Files.isRegularFile(Path.of(clip))) {
            Files.copy(Path.of(clip), file);
        } else {
            try (InputStream in = PlayerPreview.class.getResourceAsStream("/dev/reelwatch/sim/clips/" + clip + ".mp4")) {
                Files.copy(in, file);
            }
        }
        tasks.updateArchive(stored.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(), Files.size(file),
                null, 100, null);
        PlayerViewModel vm = new PlayerViewModel(tasks, new FxPlaybackEngines(),
                new SystemOpener(Runnable::run, System.getProperty("os.name")), Clock.systemUTC(),
                () -> PlaybackHost.probe(System.getProperty("os.name")));
        StackPane root = new StackPane(new PlayerView(vm));
        root.setStyle("-fx-padding: 16; -fx-background-color: #f4f5f7;");
        stage.setScene(new Scene(root, 720, 480));
        stage.setTitle("Reelwatch player preview");
        stage.show();
        vm.select(stored.id());
        vm.playPause();
    }
}
