package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk (SQLite's SQLITE_FULL, injected with a page cap) is told in one sentence, never as a trace. */
class StorageFaultCommandTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String KEY = "sk-test";

    @TempDir
    Path dir;
    private final AdjustableClock clock = new AdjustableClock(T0);
    private MeshApiSimulator sim;
    private Database db;

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.close();
        }
        db.close();
    }

    @Test
    void aSyncOntoAFullDiskSaysSoInOneSentenceAndLosesNothing() {
        db = Database.open(dir.resolve("reelwatch.db"));
        SqliteAccountStore accounts = new SqliteAccountStore(db);
        SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
        List<SimTask> sims = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sims.add(new SimTask("m-" + i, "a long prompt ".repeat(200), "model", T0.minusSeconds(3600 + i),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null,
                    null, 1, "1280x720", "16:9", 5, 24, 10));
        }
        sim = new MeshApiSimulator(clock, KEY, sims);
        sim.start();
        Account account = accounts.add(new Account(0, ProviderKind.MESHAPI, "studio", sim.baseUrl(),
                CredentialRef.credentialsFile("studio"), true, false));
        ProviderClients clients = new ProviderClients(new HttpTransport(HttpTransport.newHttpClient(
                Duration.ofSeconds(2)), "test", Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock));
        SyncPass pass = new SyncPass(accounts, tasks, new SqliteSettingsStore(db), a -> clients.create(a, KEY), clock,
                SyncSettings.defaults());
        // The disk "fills up" a little beyond what the file holds now.
        db.capGrowth(8);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SyncCommand(() -> pass));
        cl.setExecutionExceptionHandler(new FailureReporter());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--no-archive");

        assertEquals(1, code);
        String errors = err.toString();
        assertTrue(errors.contains("The disk holding " + dir.toAbsolutePath() + " is full: free space and sync"
                + " again; nothing was lost."), errors);
        assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
        assertFalse(errors.contains("SQLite"), "no driver text: " + errors);
        assertFalse(errors.contains("unexpected"), errors);
        int cached = tasks.count(new TaskQuery(Set.of(), account.id(), null, 0, 0, false));
        assertTrue(cached < 300, "the disk really was full");
        // What was stored before the disk filled up is intact and readable.
        assertEquals(cached, tasks.query(new TaskQuery(Set.of(), account.id(), null, 0, 0, false)).size());
    }
}
