package dev.reelwatch.app;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.AccountsBackup;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desktop app over a data directory it cannot write to (issue 19): the cache opens read-only and can be
 * browsed, nothing is written, the poller and the archiver stay off, and the window says so. Tests run as root,
 * whom chmod does not stop, so the "cannot write" decision is handed in, as the CLI tests hand it to the store.
 */
class DesktopReadOnlyDataTest {
    @TempDir
    Path dataDir;
    private DesktopApp app;
    private Stage stage;

    @BeforeEach
    void cacheWithOneTask() throws Exception {
        try (Database db = Database.open(dataDir.resolve("reelwatch.db"))) {
            Account studio = new SqliteAccountStore(db).add(new Account(0, ProviderKind.MESHAPI, "studio",
                    URI.create("http://127.0.0.1:9"), CredentialRef.credentialsFile("studio"), true, false));
            new SqliteTaskStore(db, Clock.systemUTC()).upsert(studio.id(), List.of(
                    Task.builder("cached-1", TaskStatus.SUCCEEDED).prompt("A cached fox")
                            .createdAt(Instant.parse("2025-03-01T09:00:00Z")).build()));
        }
        Files.deleteIfExists(dataDir.resolve(AccountsBackup.FILE_NAME));
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            WaitForAsyncUtils.asyncFx(app::stop).get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsBrowsedWithoutWritingAndTheWindowSaysNothingCanBeSaved() throws Exception {
        long sizeBefore = Files.size(dataDir.resolve("reelwatch.db"));
        app = start(dir -> false);

        TableView<?> table = WaitForAsyncUtils.asyncFx(() -> (TableView<?>) stage.getScene().lookup(".table-view"))
                .get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        Node banner = WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#problemBanner")).get();
        assertTrue(banner.isVisible(), "the problem area is shown");
        String said = WaitForAsyncUtils.asyncFx(() -> banner.lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains("read-only"))
                .findFirst().orElse("")).get();
        assertTrue(said.contains(dataDir.toAbsolutePath().normalize().toString()), said);
        assertTrue(said.startsWith("Saving failed: The data directory "), said);
        assertTrue(said.contains("nothing can be saved there. Syncing, archiving and rule exports are off"),
                "the window's own notice stays, not a layout save refused after it: " + said);
        assertFalse(app.backgroundWorkStarted(), "no poller and no archiver over a read-only cache");
        assertFalse(Files.exists(dataDir.resolve(AccountsBackup.FILE_NAME)), "no accounts backup was written");
        assertFalse(Files.exists(dataDir.resolve("reelwatch.db-wal")), "the cache was not opened for writing");
        assertEquals(sizeBefore, Files.size(dataDir.resolve("reelwatch.db")));
    }

    @Test
    void aWritableDataDirectoryStartsThePollerAndWritesTheBackupAsBefore() throws Exception {
        app = start(dir -> true);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, app::backgroundWorkStarted);
        // Written on the background pool once the table has loaded (JSON is not part of the first frame).
        Path backup = dataDir.resolve(AccountsBackup.FILE_NAME);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(backup));
        assertTrue(Files.exists(backup));
        Node banner = WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#problemBanner")).get();
        String said = WaitForAsyncUtils.asyncFx(() -> banner.lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains("read-only"))
                .findFirst().orElse("")).get();
        assertEquals("", said, "no read-only notice over a writable directory");
    }

    private DesktopApp start(java.util.function.Predicate<Path> writable) throws Exception {
        DesktopApp started = new DesktopApp(writable);
        started.init(new Parameters("--data-dir=" + dataDir));
        WaitForAsyncUtils.asyncFx(() -> started.start(stage)).get(60, TimeUnit.SECONDS);
        return started;
    }

    /** The launcher's parameters, as JavaFX hands them to {@code Application.init}. */
    private static final class Parameters extends Application.Parameters {
        private final String raw;

        Parameters(String raw) {
            this.raw = raw;
        }

        @Override
        public List<String> getRaw() {
            return List.of(raw);
        }

        @Override
        public List<String> getUnnamed() {
            return List.of();
        }

        @Override
        public Map<String, String> getNamed() {
            return Map.of("data-dir", raw.substring("--data-dir=".length()));
        }
    }
}
