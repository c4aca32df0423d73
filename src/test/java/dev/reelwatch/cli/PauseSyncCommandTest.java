package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sync} leaves a paused account alone: not one request reaches its simulator. */
class PauseSyncCommandTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String KEY = "sk-test";

    @TempDir
    Path dir;
    private final AdjustableClock clock = new AdjustableClock(T0);
    private Database db;
    private SqliteAccountStore accounts;
    private SqliteTaskStore tasks;
    private SyncPass pass;
    private final List<AutoCloseable> sims = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("reelwatch.db"));
        accounts = new SqliteAccountStore(db);
        tasks = new SqliteTaskStore(db, clock);
        HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "test",
                Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
        ProviderClients clients = new ProviderClients(transport);
        pass = new SyncPass(accounts, tasks, new SqliteSettingsStore(db),
                a -> clients.create(a, a.provider() == ProviderKind.MESHAPI ? KEY : null), clock,
                SyncSettings.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : sims) {
            c.close();
        }
        db.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new SyncCommand(() -> pass));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Account account(ProviderKind kind, String name, URI url) {
        return accounts.add(new Account(0, kind, name, url, kind == ProviderKind.MESHAPI
                ? CredentialRef.credentialsFile(name) : CredentialRef.none(), true, false));
    }

    private static List<SimTask> tasks(String prefix, int n) {
        List<SimTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SimTask(prefix + "-" + i, "prompt", "model", T0.minusSeconds(3600 + i), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 1, "1280x720",
                    "16:9", 5, 24, 10));
        }
        return out;
    }

    private int cached(Account a) {
        return tasks.count(new TaskQuery(Set.of(), a.id(), null, 0, 0, false));
    }

    @Test
    void syncSkipsAPausedAccountWithoutSendingItOneRequest() {
        MeshApiSimulator mesh = new MeshApiSimulator(clock, KEY, tasks("m", 3));
        sims.add(mesh.start());
        MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(clock, tasks("p", 2));
        sims.add(mpt.start());
        Account studio = account(ProviderKind.MESHAPI, "studio", mesh.baseUrl());
        Account local = account(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl());
        accounts.setPaused(local.id(), true);

        assertEquals(0, run());
        assertTrue(out.toString().contains("studio (meshapi): 3 new"), out.toString());
        assertTrue(out.toString().lines().anyMatch("local: paused"::equals), out.toString());
        assertEquals(0, mpt.totalRequests());
        assertTrue(mesh.totalRequests() > 0);
        assertEquals(3, cached(studio));
        assertEquals(0, cached(local));
    }

    @Test
    void syncOfOnePausedAccountSaysSoAndDoesNothingUnlessEvenIfPaused() {
        MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(clock, tasks("p", 2));
        sims.add(mpt.start());
        Account local = account(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl());
        accounts.setPaused(local.id(), true);

        assertEquals(0, run("--account", "LOCAL"));
        assertTrue(out.toString().startsWith("local: paused."), out.toString());
        assertTrue(out.toString().contains("--even-if-paused"), out.toString());
        assertEquals(0, mpt.totalRequests());
        assertEquals(0, cached(local));

        assertEquals(0, run("--account", "local", "--even-if-paused"));
        assertTrue(out.toString().contains("local (moneyprinterturbo): 2 new"), out.toString());
        assertTrue(mpt.totalRequests() > 0);
        assertEquals(2, cached(local));
        assertTrue(accounts.isPaused(local.id()), "a one-off sync does not resume the account");

        accounts.setPaused(local.id(), false);
        mpt.resetCounts();
        assertEquals(0, run());
        assertFalse(out.toString().contains("paused"), out.toString());
        assertTrue(mpt.totalRequests() > 0);
    }
}
