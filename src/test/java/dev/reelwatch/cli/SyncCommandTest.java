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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncCommandTest {
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
    private final Map<String, String> keys = new HashMap<>();

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("reelwatch.db"));
        accounts = new SqliteAccountStore(db);
        tasks = new SqliteTaskStore(db, clock);
        HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "test",
                Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
        ProviderClients clients = new ProviderClients(transport);
        pass = new SyncPass(accounts, tasks, new SqliteSettingsStore(db), a -> clients.create(a, keys.get(a.name())),
                clock, SyncSettings.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : sims) {
            c.close();
        }
        db.close();
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SyncCommand(() -> pass));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Account account(ProviderKind kind, String name, URI url, String key) {
        if (key != null) {
            keys.put(name, key);
        }
        return accounts.add(new Account(0, kind, name, url, key == null ? CredentialRef.none()
                : CredentialRef.credentialsFile(name), true, false));
    }

    private MeshApiSimulator mesh(int n) {
        MeshApiSimulator sim = new MeshApiSimulator(clock, KEY, tasks("m", n));
        sims.add(sim.start());
        return sim;
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

    private int cachedCount(Account a) {
        return tasks.count(new TaskQuery(Set.of(), a.id(), null, 0, 0, false));
    }

    @Test
    void exitsZeroAndPrintsOneSummaryLinePerAccount() {
        MeshApiSimulator m = mesh(3);
        MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(clock, tasks("p", 2));
        sims.add(mpt.start());
        account(ProviderKind.MESHAPI, "studio", m.baseUrl(), KEY);
        account(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl(), null);

        assertEquals(0, run());
        String printed = out.toString();
        assertTrue(printed.contains("studio (meshapi): 3 new, 0 changed, 0 unchanged, 0 gone, 0 errors"), printed);
        assertTrue(printed.contains("local (moneyprinterturbo): 2 new, 0 changed, 0 unchanged, 0 gone, 0 errors"),
                printed);
        assertEquals("", err.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--account", "local"));
        assertEquals("local (moneyprinterturbo): 0 new, 0 changed, 2 unchanged, 0 gone, 0 errors",
                out.toString().strip());
    }

    @Test
    void exitsOneWhenAnAccountFailsButStillSavesTheOthers() {
        MeshApiSimulator good = mesh(3);
        MeshApiSimulator other = mesh(2);
        Account ok = account(ProviderKind.MESHAPI, "studio", good.baseUrl(), KEY);
        account(ProviderKind.MESHAPI, "locked", other.baseUrl(), "wrong-key");

        assertEquals(1, run());
        String printed = out.toString();
        assertTrue(printed.contains("studio (meshapi): 3 new"), printed);
        assertTrue(printed.contains("locked (meshapi): 0 new, 0 changed, 0 unchanged, 0 gone, 1 error (failed)"),
                printed);
        assertTrue(err.toString().contains("locked"), err.toString());
        assertEquals(3, cachedCount(ok));
    }

    @Test
    void exitsTwoForAnUnknownAccount() {
        assertEquals(2, run("--account", "nobody"));
        assertTrue(err.toString().contains("No account named 'nobody'"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void exitsTwoForAnUnknownOption() {
        assertEquals(2, run("--acount", "x"));
    }
}
