package dev.reelwatch.app;

import dev.reelwatch.sim.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line and the desktop services do with a damaged, foreign or newer cache, and with plain HTTP. */
class DamagedCacheTest {
    @TempDir
    Path temp;

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = temp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(temp.resolve("home"), Map.of(), "", all);
    }

    @Test
    void cliMovesAForeignFileAsideSaysSoOnStderrAndKeepsTheAccounts() throws Exception {
        assertEquals(0, cli("accounts", "add", "--provider", "hedra", "--name", "hedra",
                "--api-key-env", "HEDRA_KEY").exitCode());
        Files.writeString(temp.resolve("data/reelwatch.db"), "PK\u0003\u0004 a zip file, not SQLite ".repeat(300));

        CliRun run = cli("accounts", "list");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("Warning: The cache was damaged"), run.err());
        assertTrue(run.err().contains("reelwatch.db.corrupt-"), run.err());
        assertTrue(run.out().contains("hedra"), run.out());
        try (var files = Files.list(temp.resolve("data"))) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("reelwatch.db.corrupt-")).count());
        }
    }

    @Test
    void cliRefusesACacheFromANewerReelwatchWithExitCode1() throws Exception {
        Files.createDirectories(temp.resolve("data"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("data/reelwatch.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        CliRun run = cli("tasks");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("newer Reelwatch"), run.err());
    }

    @Test
    void plainHttpToAnotherMachineNeedsAllowHttpAndIsWarnedAbout() {
        CliRun refused = cli("accounts", "add", "--provider", "moneyprinterturbo", "--name", "nas",
                "--base-url", "http://192.168.1.20:8080");
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("--allow-http"), refused.err());

        CliRun allowed = cli("accounts", "add", "--provider", "moneyprinterturbo", "--name", "nas",
                "--base-url", "http://192.168.1.20:8080", "--allow-http");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertTrue(allowed.err().contains("unencrypted"), allowed.err());

        CliRun local = cli("accounts", "add", "--provider", "moneyprinterturbo", "--name", "local",
                "--base-url", "http://127.0.0.1:8080");
        assertEquals(0, local.exitCode(), "loopback needs no consent: " + local);
        assertFalse(local.err().contains("unencrypted"), local.err());
    }

    @Test
    void desktopServicesRebuildADamagedCacheAndHaveANoticeForTheDialog() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("reelwatch.db"), "garbage ".repeat(2000));
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T18:15:00Z"));
        try (DesktopServices services = new DesktopServices(data, Map.of(), clock)) {
            assertTrue(services.recoveryNotice().orElseThrow().contains("reelwatch.db.corrupt-20261123T181500Z"));
            assertTrue(services.accounts().all().isEmpty());
        }
        try (DesktopServices again = new DesktopServices(data, Map.of(), clock)) {
            assertTrue(again.recoveryNotice().isEmpty(), "a healthy cache opens without a notice");
        }
    }
}
