package dev.reelwatch.bench;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.tasks.TaskRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark 5, completion-to-screen latency: Phaseo tasks (poll hint 20 s) start at random times over half an
 * hour and run 1–10 minutes; the real poller, stepped each simulated second, feeds the store, whose changes
 * reach the task list (TaskListViewModel, UI executor run inline). A task's latency is the simulated time from
 * its turning succeeded on the simulator to its row showing "succeeded" (1 s resolution; the real-time cost of
 * the hand-over to the FX thread is milliseconds and not counted). Beside it: the naive loop polling every task
 * every 5 s from the start, whose latency is the wait for its next 5 s tick.
 */
public final class CompletionLatencyBenchmark {
    private static final int TASKS = 40;

    private CompletionLatencyBenchmark() {
    }

    public static void main(String[] args) {
        Machine.print();
        Random random = new Random(7);
        List<SimTask> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            Instant created = PollingRig.T0.plusSeconds(random.nextInt(1800));
            tasks.add(PollingRig.task("job-" + i, created, Duration.ofSeconds(2 + random.nextInt(20)),
                    Duration.ofSeconds(60 + random.nextInt(540)), SimOutcome.SUCCEEDED));
        }
        Map<String, Instant> finished = new HashMap<>();
        tasks.forEach(t -> finished.put(t.id(), t.finishedAt()));
        Samples reelwatch = new Samples();
        Samples naive = new Samples();
        for (Instant f : finished.values()) {
            long sinceStart = Duration.between(PollingRig.T0, f).toMillis();
            long nextTick = (sinceStart + 4999) / 5000 * 5000;
            naive.add(nextTick - sinceStart);
        }
        try (PollingRig rig = new PollingRig(BenchFiles.freshDir("latency"), ProviderKind.PHASEO, tasks)) {
            TaskListViewModel list = new TaskListViewModel(rig.tasks, new StoreChangeRelay(rig.tasks, UiThread.direct()),
                    rig.service, new SettingsWriter(new SqliteSettingsStore(rig.db), UiThread.direct()),
                    UiThread.direct(), UiThread.direct(), new RelativeTime(rig.clock));
            list.reload();
            Map<String, Boolean> seen = new HashMap<>();
            rig.service.runDuePasses();
            rig.run(Duration.ofSeconds(1), 1800 + 700, () -> {
                for (TaskRow row : list.allRows()) {
                    if (row.status() == TaskStatus.SUCCEEDED && seen.putIfAbsent(row.providerTaskId(), true) == null) {
                        reelwatch.add(Duration.between(finished.get(row.providerTaskId()), rig.clock.instant())
                                .toMillis());
                    }
                }
            });
            System.out.printf(Locale.ROOT, "%d of %d completions reached the list; %,d requests%n", reelwatch.size(),
                    TASKS, rig.sim.totalRequests());
        }
        System.out.printf(Locale.ROOT, "Reelwatch: p50 %.1f s, p95 %.1f s; naive 5 s loop: p50 %.1f s, p95 %.1f s%n",
                reelwatch.median() / 1000, reelwatch.percentile(95) / 1000, naive.median() / 1000,
                naive.percentile(95) / 1000);
        new Figure("5. Completion-to-screen latency, p50 / p95 (Phaseo, hint 20 s)",
                String.format(Locale.ROOT, "%.1f s / %.1f s", reelwatch.median() / 1000, reelwatch.percentile(95) / 1000),
                String.format(Locale.ROOT, "%.1f s / %.1f s (naive 5 s loop)", naive.median() / 1000,
                        naive.percentile(95) / 1000),
                Figure.ratio(reelwatch.median() / naive.median()) + " (p50)", "p50 < 20 s (the hint)",
                reelwatch.median() < 20_000).print();
    }
}
