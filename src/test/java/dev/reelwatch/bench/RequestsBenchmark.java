package dev.reelwatch.bench;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 4, requests per hour: the real poller watching 1,000 tasks of which 10 stay active for the whole
 * hour, for one simulated hour after its first full sync, beside (a) the naive loop that polls every task every
 * 5 s and (b) the minimum: each active task once per 5 s tick plus one list request per tick. Run for MeshAPI
 * (no poll hint; its list filters by creation time) and Phaseo (20 s poll hint; full listings).
 */
public final class RequestsBenchmark {
    private static final int TASKS = 1000;
    private static final int ACTIVE = 10;
    private static final long TICKS_PER_HOUR = 3600 / 5;

    private RequestsBenchmark() {
    }

    public static void main(String[] args) {
        Machine.print();
        long naive = TASKS * TICKS_PER_HOUR;
        long minimum = (ACTIVE + 1) * TICKS_PER_HOUR;
        for (ProviderKind kind : List.of(ProviderKind.MESHAPI, ProviderKind.PHASEO)) {
            List<SimTask> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS - ACTIVE; i++) {
                tasks.add(PollingRig.task("done-" + i, PollingRig.T0.minus(Duration.ofDays(1)).minusSeconds(60L * i),
                        Duration.ofSeconds(5), Duration.ofSeconds(60), i % 10 == 7 ? SimOutcome.FAILED
                                : SimOutcome.SUCCEEDED));
            }
            for (int i = 0; i < ACTIVE; i++) {
                tasks.add(PollingRig.task("live-" + i, PollingRig.T0.minusSeconds(30 + i), Duration.ofSeconds(5),
                        Duration.ofHours(3), SimOutcome.SUCCEEDED));
            }
            try (PollingRig rig = new PollingRig(BenchFiles.freshDir("requests-" + kind.cliName()), kind, tasks)) {
                rig.service.runDuePasses();
                rig.sim.resetCounts();
                long start = System.nanoTime();
                rig.run(Duration.ofSeconds(1), 3600, () -> { });
                long requests = rig.sim.totalRequests();
                System.out.printf(Locale.ROOT, "%s: %,d requests in one simulated hour (%d list, %d get), run in"
                                + " %.1f s%n", kind.displayName(), requests, rig.sim.requestCount("list"),
                        rig.sim.requestCount("get"), (System.nanoTime() - start) / 1e9);
                double ratio = (double) requests / minimum;
                new Figure(String.format(Locale.ROOT, "4. Requests/hour, %,d tasks with %d active (%s)", TASKS, ACTIVE,
                        kind.displayName()), String.format(Locale.ROOT, "%,d", requests),
                        String.format(Locale.ROOT, "minimum %,d; naive 5 s loop %,d (%.0f× the minimum)", minimum,
                                naive, (double) naive / minimum), Figure.ratio(ratio) + " of minimum", "≤ 1.2×",
                        ratio <= 1.2).print();
            }
        }
    }
}
