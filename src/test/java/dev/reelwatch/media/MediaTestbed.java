package dev.reelwatch.media;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
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
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.sync.ClientFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real parts for media tests: a SQLite cache in a temp dir, the real stores, provider clients and downloader,
 * loopback simulators serving the real demo clips, one adjustable clock and a settable "free disk space".
 */
public final class MediaTestbed implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final String KEY = "sk-test-key";

    public final AdjustableClock clock = new AdjustableClock(T0);
    public final Path dataDir;
    public final Database db;
    public final SqliteTaskStore tasks;
    public final SqliteAccountStore accounts;
    public final SqliteSettingsStore settings;
    public final HttpClient http = HttpTransport.newHttpClient(Duration.ofSeconds(2));
    public final ProviderClients clients;
    public final Map<String, String> keys = new ConcurrentHashMap<>();
    public volatile long freeBytes = Long.MAX_VALUE;
    public final FileDownloader downloader;
    public final VideoArchive library;
    public final ArchiveOptions options = new ArchiveOptions(2, 3, Duration.ofMillis(10), Duration.ofMillis(200));
    public final OutputArchiver archiver;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();

    public MediaTestbed(Path dataDir) {
        this.dataDir = dataDir;
        db = Database.open(dataDir.resolve("reelwatch.db"));
        tasks = new SqliteTaskStore(db, clock);
        accounts = new SqliteAccountStore(db);
        settings = new SqliteSettingsStore(db);
        clients = new ProviderClients(new HttpTransport(http, "Reelwatch/test", Duration.ofSeconds(5),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock));
        downloader = new FileDownloader(http, "Reelwatch/test", Duration.ofSeconds(10), dir -> freeBytes, clock);
        library = new VideoArchive(dataDir);
        archiver = new OutputArchiver(tasks, accounts, settings, clientFactory(), downloader, library, options);
    }

    public ClientFactory clientFactory() {
        return account -> clients.create(account, keys.get(account.name()));
    }

    public <S extends SimServer> S serve(S sim) {
        sim.start();
        closeables.push(sim);
        return sim;
    }

    public <C extends AutoCloseable> C closeLater(C c) {
        closeables.push(c);
        return c;
    }

    public Account addAccount(ProviderKind kind, String name, URI baseUrl, String keyOrNull) {
        if (keyOrNull != null) {
            keys.put(name, keyOrNull);
        }
        CredentialRef ref = keyOrNull == null ? CredentialRef.none() : CredentialRef.credentialsFile(name);
        return accounts.add(new Account(0, kind, name, baseUrl, ref, true, false));
    }

    /** Fetches the task from the provider with the real client and caches it, as the poller would. */
    public StoredTask cacheFromProvider(Account account, String providerTaskId) throws Exception {
        Task task = clientFactory().clientFor(account).fetchTask(providerTaskId);
        return cache(account, task);
    }

    public StoredTask cache(Account account, Task task) {
        tasks.upsert(account.id(), List.of(task.withAccountId(account.id())));
        return tasks.find(account.id(), task.providerTaskId()).orElseThrow();
    }

    public StoredOutput output(long taskId) {
        return tasks.byId(taskId).orElseThrow().outputs().get(0);
    }

    public StoredOutput archive(StoredTask task) throws InterruptedException {
        StoredOutput o = task.outputs().get(0);
        return archiver.archive(o.id(), task.id(), false);
    }

    public static SimTask finished(String id, String clip) {
        return new SimTask(id, "A lighthouse at dusk, slow pan " + id, "seedance-1-0-pro", T0.minus(Duration.ofHours(2)),
                Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, clip, null, null, 42,
                "1280x720", "16:9", 3, 24, 1000);
    }

    /** {@code size} bytes that start like an MP4 file (an {@code ftyp} box), for servers that need no real clip. */
    public static byte[] mp4Like(int size) {
        byte[] bytes = new byte[size];
        byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, bytes, 0, Math.min(size, head.length));
        return bytes;
    }

    public static byte[] clip(String name) {
        return new DemoClips().bytes(name);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    @Override
    public void close() {
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("could not close a test resource", e);
            }
        }
        db.close();
    }
}
