package dev.reelwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmarks 2 and 6, cold start and memory: spawns Reelwatch (dev.reelwatch.app.Main, REELWATCH_HOME holding
 * the 100,000-task cache the ingest left) and, alternately, the floor ({@link EmptyTableWindow}: one TableView
 * in a window) the same way, and measures from process spawn to the first pulse after the table has rows. For
 * Reelwatch it also waits for the whole cache to be loaded, lets it settle and reads the process's VmRSS.
 * Needs a display (run under xvfb-run). Arguments: [tasks, default 100000] [rounds, default 5].
 * JVM options for both programs come from {@code -Dbench.jvmOptions="..."}.
 */
public final class ColdStartBenchmark {
    private static final String APP = "dev.reelwatch.app.Main";
    private static final long SETTLE_MILLIS = 3000;

    private ColdStartBenchmark() {
    }

    /** The marks flag plus whatever {@code -Dbench.jvmOptions} holds, for every program a benchmark starts. */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Dreelwatch.marks=true"));
        String extra = System.getProperty("bench.jvmOptions", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return options;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Machine.print();
        List<String> options = jvmOptions();
        System.out.println("JVM options: " + options);
        Samples app = new Samples();
        Samples appLoaded = new Samples();
        Samples floor = new Samples();
        Samples rss = new Samples();
        Samples floorRss = new Samples();
        for (int round = 0; round < rounds; round++) {
            double lastFloor;
            try (AppProcess p = AppProcess.start(EmptyTableWindow.class.getName(), options, null)) {
                lastFloor = p.await("first-paint", 300_000);
                floor.add(lastFloor);
                Thread.sleep(SETTLE_MILLIS);
                floorRss.add(p.residentMiB());
            }
            Path home = BenchFiles.dataDirWithCache("cold-start", n);
            try (AppProcess p = AppProcess.start(APP, options, home)) {
                double paint = p.await("first-paint", 900_000);
                double loaded = p.await("loaded", 900_000);
                app.add(paint);
                appLoaded.add(loaded);
                Thread.sleep(SETTLE_MILLIS);
                double resident = p.residentMiB();
                rss.add(resident);
                System.out.printf(Locale.ROOT, "round %d: floor first paint %.0f ms; Reelwatch first paint %.0f ms,"
                        + " all %,d rows loaded %.0f ms, RSS %.0f MiB%n", round + 1, lastFloor, paint, n, loaded, resident);
            }
        }
        double ratio = app.median() / floor.median();
        new Figure(String.format(Locale.ROOT, "2. Cold start to first painted rows, %,d cached tasks (median of %d)",
                n, rounds), Figure.ms(app.median()) + " (all rows: " + Figure.ms(appLoaded.median()) + ")",
                Figure.ms(floor.median()) + " (empty window + TableView)", Figure.ratio(ratio), "≤ 1.3×",
                ratio <= 1.3).print();
        new Figure(String.format(Locale.ROOT, "6. Resident memory, main window open with %,d tasks", n),
                String.format(Locale.ROOT, "%.0f MiB", rss.median()),
                String.format(Locale.ROOT, "%.0f MiB (empty window + TableView)", floorRss.median()),
                Figure.ratio(rss.median() / floorRss.median()), "< 350 MB", rss.median() * 1.048576 < 350).print();
    }
}
