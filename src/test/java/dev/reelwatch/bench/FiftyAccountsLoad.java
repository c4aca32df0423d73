package dev.reelwatch.bench;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Load figures for docs/benchmarks.md ("Load: 50 accounts"): 50 MeshAPI accounts on loopback simulators,
 * 100,000 tasks of which 500 run for the whole measurement, polled by the real background poller with the
 * app's default settings. Prints: time to the first full cache, refresh cadence of the running tasks, latency of
 * the table's query while the poller writes, and heap after GC. A program, not a test: never a timed assertion.
 *
 * <p>Run: {@code mvn -B -ntp -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.reelwatch.bench.FiftyAccountsLoad [steadySeconds]} (cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}).
 */
public final class FiftyAccountsLoad {
    private static final int ACCOUNTS = 50;
    private static final int TASKS_PER_ACCOUNT = 2_000;
    private static final int ACTIVE_PER_ACCOUNT = 10;
    private static final String KEY = "sk-bench";

    private FiftyAccountsLoad() {
    }

    public static void main(String[] args) throws Exception {
        int steadySeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Path dir = Files.createTempDirectory("reelwatch-load");
        List<MeshApiSimulator> sims = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("reelwatch.db"))) {
            SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
            SqliteAccountStore accounts = new SqliteAccountStore(db);
            SqliteSettingsStore settings = new SqliteSettingsStore(db);
            for (int a = 0; a < ACCOUNTS; a++) {
                List<SimTask> list = new ArrayList<>();
                for (int i = 0; i < TASKS_PER_ACCOUNT; i++) {
                    boolean active = i < ACTIVE_PER_ACCOUNT;
                    Instant created = active ? now.minusSeconds(1) : now.minus(Duration.ofDays(2)).minusSeconds(30L * i);
                    list.add(new SimTask("a" + a + "-t" + i, "prompt " + i, "seedance-1-0-pro", created,
                            Duration.ofSeconds(2), active ? Duration.ofHours(2) : Duration.ofSeconds(40),
                            i % 10 == 7 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null,
                            i, "1280x720", "16:9", 5, 24, 100));
                }
                MeshApiSimulator sim = new MeshApiSimulator(clock, KEY, list);
                sim.start();
                sims.add(sim);
                accounts.add(new Account(0, ProviderKind.MESHAPI, "acct-" + a, sim.baseUrl(),
                        CredentialRef.credentialsFile("acct-" + a), true, false));
            }
            ProviderClients clients = new ProviderClients(HttpTransport.standard("bench", clock));
            SyncSettings syncSettings = SyncSettings.defaults();
            Runtime rt = Runtime.getRuntime();
            long t0 = System.nanoTime();
            try (PollingSyncService sync = new PollingSyncService(accounts, tasks, settings,
                    account -> clients.create(account, KEY), clock, syncSettings)) {
                sync.start();
                TaskQuery all = new TaskQuery(Set.of(), null, null, 0, 0, false);
                while (tasks.count(all) < ACCOUNTS * TASKS_PER_ACCOUNT) {
                    Thread.sleep(200);
                }
                double fill = (System.nanoTime() - t0) / 1e9;
                System.out.printf("first full cache: %,d tasks of %d accounts in %.1f s%n", tasks.count(all),
                        ACCOUNTS, fill);

                sims.forEach(MeshApiSimulator::resetCounts);
                TaskQuery page = new TaskQuery(Set.of(), null, null, 200, 0, false);
                TaskQuery running = new TaskQuery(Set.of(TaskStatus.RUNNING, TaskStatus.QUEUED), null, null, 200, 0,
                        false);
                TaskQuery search = new TaskQuery(Set.of(), null, "prompt 1999", 200, 0, false);
                List<Long> queryMicros = new ArrayList<>();
                long peakHeap = 0;
                long end = System.nanoTime() + Duration.ofSeconds(steadySeconds).toNanos();
                int round = 0;
                while (System.nanoTime() < end) {
                    TaskQuery q = switch (round++ % 3) {
                        case 0 -> page;
                        case 1 -> running;
                        default -> search;
                    };
                    long s = System.nanoTime();
                    tasks.query(q);
                    queryMicros.add((System.nanoTime() - s) / 1000);
                    peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
                    Thread.sleep(50);
                }
                long gets = sims.stream().mapToLong(sim -> sim.requestCount("get")).sum();
                long lists = sims.stream().mapToLong(sim -> sim.requestCount("list")).sum();
                int active = ACCOUNTS * ACTIVE_PER_ACCOUNT;
                double perTask = gets / (double) active;
                System.out.printf("steady %d s: %,d task refreshes (%.1f per running task: one every %.1f s;"
                                + " cadence %d–%d s), %,d list requests, %.1f requests/s in all%n", steadySeconds, gets,
                        perTask, steadySeconds / perTask, syncSettings.fastInterval().toSeconds(),
                        syncSettings.maxFastInterval().toSeconds(), lists, (gets + lists) / (double) steadySeconds);
                long[] sorted = queryMicros.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("table queries while polling (%d): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        sorted.length, pct(sorted, 50) / 1000.0, pct(sorted, 95) / 1000.0,
                        sorted[sorted.length - 1] / 1000.0);
                System.gc();
                long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("heap: peak sampled %d MB, after GC %d MB (max %d MB); threads %d%n",
                        peakHeap >> 20, afterGc >> 20, rt.maxMemory() >> 20, Thread.activeCount());
                System.out.printf("status counts: %s%n", tasks.countsByStatus(null));
            }
        } finally {
            sims.forEach(MeshApiSimulator::close);
            try (var walk = Files.walk(dir)) {
                walk.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
