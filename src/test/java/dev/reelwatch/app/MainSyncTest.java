package dev.reelwatch.app;

import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch sync} wired by the composition root: real data directory, real keys, loopback providers. */
class MainSyncTest {

    @TempDir
    Path temp;

    private CliRun main(Map<String, String> env, String stdin, String... args) {
        return CliRun.of(temp.resolve("home"), env, stdin, args);
    }

    private static SimTask finished(String id) {
        return new SimTask(id, "prompt", "model", Instant.now().minusSeconds(3600), Duration.ofSeconds(1),
                Duration.ofSeconds(10), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 1, "1280x720",
                "16:9", 5, 24, 10);
    }

    @Test
    void syncCommandUsesTheStoredKeysAndReportsPerAccount() {
        String dir = temp.resolve("data").toString();
        try (MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(Clock.systemUTC(),
                List.of(finished("a"), finished("b")));
             MeshApiSimulator mesh = new MeshApiSimulator(Clock.systemUTC(), "sk-real", List.of(finished("m")))) {
            mpt.start();
            mesh.start();
            assertEquals(0, main(Map.of(), "", "--data-dir", dir, "accounts", "add", "--provider",
                    "moneyprinterturbo", "--name", "desk", "--base-url", mpt.baseUrl().toString()).exitCode());
            assertEquals(0, main(Map.of(), "sk-real\n", "--data-dir", dir, "accounts", "add", "--provider", "meshapi",
                    "--name", "studio", "--base-url", mesh.baseUrl().toString(), "--api-key-stdin").exitCode());

            CliRun all = main(Map.of(), "", "--data-dir", dir, "sync");
            assertEquals(0, all.exitCode(), all.err());
            assertTrue(all.out().contains("desk (moneyprinterturbo): 2 new"), all.out());
            assertTrue(all.out().contains("studio (meshapi): 1 new"), all.out());

            CliRun added = main(Map.of(), "", "--data-dir", dir, "accounts", "add", "--provider", "meshapi",
                    "--name", "env-keyed", "--base-url", mesh.baseUrl().toString(), "--api-key-env", "MESH_KEY");
            assertEquals(0, added.exitCode(), added.err());
            CliRun missingKey = main(Map.of(), "", "--data-dir", dir, "sync");
            assertEquals(1, missingKey.exitCode());
            assertTrue(missingKey.err().contains("MESH_KEY"), missingKey.err());
            assertTrue(missingKey.out().contains("desk (moneyprinterturbo): 0 new, 0 changed, 2 unchanged"),
                    missingKey.out());

            CliRun withKey = main(Map.of("MESH_KEY", "sk-real"), "", "--data-dir", dir, "sync", "--account",
                    "env-keyed");
            assertEquals(0, withKey.exitCode(), withKey.err());
            assertTrue(withKey.out().contains("env-keyed (meshapi): 1 new"), withKey.out());

            CliRun unknown = main(Map.of(), "", "--data-dir", dir, "sync", "--account", "nobody");
            assertEquals(2, unknown.exitCode());
            assertTrue(unknown.err().contains("No account named 'nobody'"), unknown.err());
        }
    }
}
