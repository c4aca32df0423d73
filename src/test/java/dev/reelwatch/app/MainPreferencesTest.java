package dev.reelwatch.app;

import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.ArchiveSettings;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteSettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line honours what Preferences stored: archive on/off and folder, and the export template. */
class MainPreferencesTest {

    @TempDir
    Path temp;

    private CliRun main(String stdin, String... args) {
        return CliRun.of(temp.resolve("home"), Map.of(), stdin, args);
    }

    private static SimTask finished(String id, String prompt) {
        return new SimTask(id, prompt, "seedance-1-0-pro", Instant.now().minusSeconds(3600), Duration.ofSeconds(1),
                Duration.ofSeconds(10), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 1, "1280x720",
                "16:9", 5, 24, 10);
    }

    private void store(Path dataDir, String key, String value) {
        try (Database db = Database.open(DataDirectory.databaseFile(dataDir))) {
            new SqliteSettingsStore(db).put(key, value);
        }
    }

    private static long files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void syncAndExportFollowTheStoredArchiveAndNamingSettings() throws Exception {
        Path dir = temp.resolve("data");
        Path archive = temp.resolve("my-archive");
        try (MeshApiSimulator mesh = new MeshApiSimulator(Clock.systemUTC(), "sk-real",
                List.of(finished("m1", "Paper boats")))) {
            mesh.setIncludePrompt(true);
            mesh.start();
            assertEquals(0, main("sk-real\n", "--data-dir", dir.toString(), "accounts", "add", "--provider",
                    "meshapi", "--name", "studio", "--base-url", mesh.baseUrl().toString(), "--api-key-stdin")
                    .exitCode());

            store(dir, ArchiveSettings.ENABLED, "false");
            CliRun off = main("", "--data-dir", dir.toString(), "sync");
            assertEquals(0, off.exitCode(), off.err());
            assertTrue(off.out().contains("turned off in the settings"), off.out());
            assertEquals(0, files(dir.resolve("videos")) + files(archive));

            store(dir, ArchiveSettings.ENABLED, "true");
            store(dir, ArchiveSettings.FOLDER, archive.toString());
            CliRun on = main("", "--data-dir", dir.toString(), "sync");
            assertEquals(0, on.exitCode(), on.err());
            assertEquals(1, files(archive), "the video went to the folder chosen in Preferences");
            assertFalse(Files.exists(dir.resolve("videos")));

            store(dir, ExportNaming.SETTING, "{account}-{id}.mp4");
            Path out = Files.createDirectories(temp.resolve("out"));
            CliRun export = main("", "--data-dir", dir.toString(), "export", "m1", out.toString());
            assertEquals(0, export.exitCode(), export.err());
            assertTrue(Files.isRegularFile(out.resolve("studio-m1.mp4")), export.out());
        }
    }
}
