package dev.reelwatch.bench;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real poller ({@link PollingSyncService} with the app's default settings) driven step by step on an
 * {@link AdjustableClock} against a loopback simulator, over a fresh cache: simulated hours run in seconds.
 */
final class PollingRig implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String KEY = "sk-bench";

    final AdjustableClock clock = new AdjustableClock(T0);
    final SimServer sim;
    final Database db;
    final SqliteTaskStore tasks;
    final PollingSyncService service;
    final Account account;

    PollingRig(Path dir, ProviderKind kind, List<SimTask> simTasks) {
        sim = switch (kind) {
            case MESHAPI -> new MeshApiSimulator(clock, KEY, simTasks);
            case PHASEO -> {
                PhaseoSimulator phaseo = new PhaseoSimulator(clock, KEY, simTasks);
                phaseo.setVideoApiEnabled(true);
                yield phaseo;
            }
            default -> throw new IllegalArgumentException("no rig for " + kind);
        };
        sim.start();
        db = Database.open(dir.resolve("reelwatch.db"));
        tasks = new SqliteTaskStore(db, clock);
        SqliteAccountStore accounts = new SqliteAccountStore(db);
        account = accounts.add(new Account(0, kind, "Rig", sim.baseUrl(), CredentialRef.none(), true, false));
        ProviderClients clients = new ProviderClients(new HttpTransport(
                HttpTransport.newHttpClient(Duration.ofSeconds(5)), "Reelwatch/bench", Duration.ofSeconds(30),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock));
        service = new PollingSyncService(accounts, tasks, new SqliteSettingsStore(db), a -> clients.create(a, KEY),
                clock, SyncSettings.defaults());
    }

    /** Moves the clock by {@code step} and runs every pass then due, {@code times} times. */
    void run(Duration step, long times, Runnable afterEachStep) {
        for (long i = 0; i < times; i++) {
            clock.advance(step);
            service.runDuePasses();
            afterEachStep.run();
        }
    }

    static SimTask task(String id, Instant created, Duration queued, Duration run, SimOutcome outcome) {
        return new SimTask(id, "Bench prompt " + id, "seedance-1-0-pro", created, queued, run, outcome,
                DemoClips.NAMES.get(Math.floorMod(id.hashCode(), DemoClips.NAMES.size())),
                outcome == SimOutcome.FAILED ? "InternalServiceError" : null,
                outcome == SimOutcome.FAILED ? "The service failed." : null, 42, "1280x720", "16:9", 5, 24, 1000);
    }

    @Override
    public void close() {
        service.close();
        sim.close();
        db.close();
    }
}
