package dev.reelwatch.store;

import dev.reelwatch.core.Task;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The fingerprint alone, old format against new, over tasks of a real cache (by default the one the ingest
 * benchmark leaves): a figure that the noise of a shared machine disturbs less than a whole ingest. The same
 * 2,000 tasks go through over and over, in the CPU's cache as a task just parsed from a page is. Lives beside
 * the package-private code it measures.
 *
 * <p>Arguments: [cache file, default target/bench/cache-100000.db] [rounds, default 7].
 */
public final class TaskFingerprintBenchmark {
    private static final int TASKS = 2_000;
    private static final int PASSES = 20;

    private TaskFingerprintBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/cache-100000.db");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Task> tasks;
        try (Database db = Database.open(file)) {
            tasks = new SqliteTaskStore(db, Clock.systemUTC())
                    .query(new TaskQuery(Set.of(), null, null, TASKS, 0, true))
                    .stream().map(StoredTask::task).toList();
        }
        System.out.printf(Locale.ROOT, "%,d tasks, %,.0f chars of raw JSON each on average%n", tasks.size(),
                tasks.stream().mapToInt(t -> t.rawJson().length()).average().orElse(0));
        double[] legacy = new double[rounds];
        double[] current = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            legacy[round] = nanosPerTask(tasks, TaskFingerprint::legacy);
            current[round] = nanosPerTask(tasks, TaskFingerprint::of);
            System.out.printf(Locale.ROOT, "round %d: old format %,.0f ns/task, new format %,.0f ns/task%n",
                    round + 1, legacy[round], current[round]);
        }
        double best = min(legacy);
        double bestNew = min(current);
        System.out.printf(Locale.ROOT, "best: old %,.0f ns/task, new %,.0f ns/task (%.1f× faster)%n", best, bestNew,
                best / bestNew);
    }

    private static double nanosPerTask(List<Task> tasks, Function<Task, String> fingerprint) {
        long start = System.nanoTime();
        int sink = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (Task task : tasks) {
                sink += fingerprint.apply(task).length();
            }
        }
        double nanos = (double) (System.nanoTime() - start) / tasks.size() / PASSES;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return nanos;
    }

    private static double min(double[] values) {
        double min = Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
