package dev.reelwatch.app.demo;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoEnvironmentTest {
    @TempDir
    Path dir;
    private AdjustableClock clock;
    private Database db;
    private SqliteAccountStore accounts;
    private SqliteSettingsStore settings;
    private CredentialStore keys;
    private ProviderClients clients;
    private DemoEnvironment demo;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        accounts = new SqliteAccountStore(db);
        settings = new SqliteSettingsStore(db);
        keys = new CredentialStore(dir.resolve("credentials.properties"));
        clients = new ProviderClients(HttpTransport.standard("test", clock));
        demo = new DemoEnvironment(accounts, settings, keys, clock);
    }

    @AfterEach
    void tearDown() {
        demo.close();
        db.close();
    }

    private ProviderClient client(Account a) {
        return clients.create(a, new CredentialResolver(keys, Map.of()).apiKeyFor(a).orElse(null));
    }

    private List<Task> list(Account a) throws ProviderException {
        List<Task> tasks = new ArrayList<>();
        client(a).listTasks(ListQuery.all(), page -> tasks.addAll(page.tasks()));
        return tasks;
    }

    @Test
    void startAddsFourDemoAccountsWhoseClientsSeeHistoryAndLiveTasks() throws Exception {
        assertFalse(demo.hasDemoAccounts());

        List<Account> started = demo.start();

        assertEquals(4, started.size());
        assertEquals(started, accounts.all().stream().sorted(java.util.Comparator.comparing(Account::provider)).toList());
        for (Account a : started) {
            assertTrue(a.demo());
            assertEquals(DemoEnvironment.accountName(a.provider()), a.name());
            assertEquals("127.0.0.1", a.baseUrl().getHost());
            List<Task> tasks = list(a);
            assertTrue(tasks.size() >= 15, a.name() + " lists " + tasks.size() + " tasks");
            assertTrue(tasks.stream().anyMatch(t -> t.status().isTerminal()), a.name() + " has history");
        }
        assertEquals("Demo · MeshAPI", started.get(0).name());
        assertTrue(demo.hasDemoAccounts());
    }

    @Test
    void liveTasksFinishWithinTheFirstMinutesOrSo() throws Exception {
        List<Account> started = demo.start();
        clock.advance(Duration.ofSeconds(20));
        int live = 0;
        for (Account a : started) {
            for (Task t : list(a)) {
                if (!t.status().isTerminal()) {
                    live++;
                }
            }
        }
        assertTrue(live >= 4, "some tasks are running or queued after 20 s: " + live);

        clock.advance(Duration.ofSeconds(70));
        for (Account a : started) {
            ProviderClient c = client(a);
            for (Task t : list(a)) {
                Task now = t.status().isTerminal() ? t : c.fetchTask(t.providerTaskId());
                assertTrue(now.status().isTerminal(), a.name() + " task " + t.providerTaskId() + " is " + now.status());
            }
        }
    }

    @Test
    void laterStartsRepointTheSameAccountsAtNewPortsWithTheSameHistory() throws Exception {
        List<Account> first = demo.start();
        Account mesh = first.get(0);
        Set<String> firstIds = ids(list(mesh));
        demo.close();
        assertThrows(ProviderException.class, () -> list(mesh), "stopped simulators answer nothing");

        clock.advance(Duration.ofHours(3));
        DemoEnvironment again = new DemoEnvironment(accounts, settings, keys, clock);
        try {
            assertTrue(again.resumeIfPresent());
            List<Account> all = accounts.all();
            assertEquals(4, all.size());
            Account meshAgain = all.stream().filter(a -> a.provider() == ProviderKind.MESHAPI).findFirst().orElseThrow();
            assertEquals(mesh.id(), meshAgain.id());
            assertNotEquals(mesh.baseUrl(), meshAgain.baseUrl());
            clock.advance(Duration.ofSeconds(20));
            Set<String> againIds = ids(list(meshAgain));
            long shared = firstIds.stream().filter(againIds::contains).count();
            assertEquals(24, shared, "MeshAPI's 24 history tasks come back; only the live jobs are new");
            assertTrue(againIds.size() > shared, "fresh live jobs for this start");
        } finally {
            again.close();
        }
    }

    @Test
    void noDemoAccountsMeansNothingToResume() {
        assertFalse(demo.resumeIfPresent());
        assertFalse(demo.isRunning());
    }

    private static Set<String> ids(List<Task> tasks) {
        Set<String> ids = new TreeSet<>();
        tasks.forEach(t -> ids.add(t.providerTaskId()));
        return ids;
    }
}
