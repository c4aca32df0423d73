package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real parts for sync tests: a SQLite cache in a temp dir, the real stores and provider clients, loopback
 * simulators, and one adjustable clock shared by all of them.
 */
final class SyncTestbed implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String KEY = "sk-test-key";

    final AdjustableClock clock = new AdjustableClock(T0);
    final Path dir;
    final Map<String, String> keys = new ConcurrentHashMap<>();
    final HttpTransport transport;
    final ProviderClients clients;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    Database db;
    SqliteTaskStore tasks;
    SqliteAccountStore accounts;
    SqliteSettingsStore settings;
    SyncSettings syncSettings = settingsForTests();

    SyncTestbed(Path dir) {
        this(dir, Duration.ofSeconds(10));
    }

    /** @param requestTimeout how long a request may take before it counts as timed out */
    SyncTestbed(Path dir, Duration requestTimeout) {
        this.dir = dir;
        this.transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test",
                requestTimeout, HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
        this.clients = new ProviderClients(transport);
        openDatabase();
    }

    /** Seconds-scale cadences on the test clock; a 20 ms real-time tick for the scheduled loop. */
    static SyncSettings settingsForTests() {
        return new SyncSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofMinutes(30), Duration.ofSeconds(2), Duration.ofSeconds(60), 4, Duration.ofMinutes(10),
                50, 8, Duration.ofMillis(20));
    }

    void openDatabase() {
        db = Database.open(dir.resolve("reelwatch.db"));
        tasks = new SqliteTaskStore(db, clock);
        accounts = new SqliteAccountStore(db);
        settings = new SqliteSettingsStore(db);
    }

    /** Closes and reopens the cache, as an app restart does. */
    void reopenDatabase() {
        db.close();
        openDatabase();
    }

    ClientFactory clientFactory() {
        return account -> clients.create(account, keys.get(account.name()));
    }

    <S extends SimServer> S serve(S sim) {
        sim.start();
        closeables.push(sim);
        return sim;
    }

    <C extends AutoCloseable> C closeLater(C c) {
        closeables.push(c);
        return c;
    }

    Account addAccount(ProviderKind kind, String name, URI baseUrl, String keyOrNull) {
        if (keyOrNull != null) {
            keys.put(name, keyOrNull);
        }
        CredentialRef ref = keyOrNull == null ? CredentialRef.none() : CredentialRef.credentialsFile(name);
        return accounts.add(new Account(0, kind, name, baseUrl, ref, true, false));
    }

    PollingSyncService service() {
        return closeLater(new PollingSyncService(accounts, tasks, settings, clientFactory(), clock, syncSettings));
    }

    SyncPass pass() {
        return new SyncPass(accounts, tasks, settings, clientFactory(), clock, syncSettings);
    }

    List<StoredTask> cached(long accountId) {
        return tasks.query(new TaskQuery(Set.of(), accountId, null, 0, 0, false));
    }

    TaskStatus cachedStatus(long accountId, String providerTaskId) {
        return tasks.find(accountId, providerTaskId).orElseThrow().task().status();
    }

    @Override
    public void close() {
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close a test resource", e);
            }
        }
        db.close();
    }

    // ------------------------------------------------------------------ simulated tasks

    static SimTask task(String id, Instant created, Duration queued, Duration run, SimOutcome outcome) {
        return new SimTask(id, "prompt of " + id, "seedance-1-0-pro", created, queued, run, outcome,
                DemoClips.NAMES.get(Math.floorMod(id.hashCode(), DemoClips.NAMES.size())),
                outcome == SimOutcome.FAILED ? "InternalServiceError" : null,
                outcome == SimOutcome.FAILED ? "The service failed." : null,
                42, "1280x720", "16:9", 5, 24, 1000);
    }

    /** {@code n} tasks that finished long before {@link #T0}, one a minute, newest first. */
    static List<SimTask> history(String prefix, int n) {
        List<SimTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant created = T0.minus(Duration.ofDays(1)).minusSeconds(60L * i);
            out.add(task(prefix + i, created, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    i % 10 == 7 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED));
        }
        return out;
    }

    /** A task created just before {@link #T0} that runs for {@code run} after a 2 s queue. */
    static SimTask live(String id, Duration run, SimOutcome outcome) {
        return task(id, T0.minusSeconds(1), Duration.ofSeconds(2), run, outcome);
    }

    // ------------------------------------------------------------------ waiting without sleeping blindly

    /** Polls {@code condition} until it holds or the deadline passes; {@code eachRound} runs between polls. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Runnable eachRound) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            eachRound.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> { });
    }
}
