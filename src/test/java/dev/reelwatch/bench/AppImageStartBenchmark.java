package dev.reelwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Figure 2 and 6 for the packaged app: the jpackage app-image's own launcher ({@code <app-image>/bin/<name>},
 * with whatever CDS archive and heap options packaging put in its {@code .cfg}) started on the 100,000-task
 * cache, beside the floor window ({@link EmptyTableWindow}) started from this JDK. The marks flag reaches the
 * launcher's JVM through {@code JAVA_TOOL_OPTIONS}. Needs a display (xvfb-run).
 * Arguments: app-image directory [tasks, default 100000] [rounds, default 5].
 */
public final class AppImageStartBenchmark {
    private static final long SETTLE_MILLIS = 3000;

    private AppImageStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: AppImageStartBenchmark <app-image dir> [tasks] [rounds]");
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path launcher = launcher(image);
        Machine.print();
        System.out.println("launcher: " + launcher);
        List<String> floorOptions = ColdStartBenchmark.jvmOptions();
        Samples app = new Samples();
        Samples floor = new Samples();
        Samples rss = new Samples();
        for (int round = 0; round < rounds; round++) {
            double lastFloor;
            try (AppProcess p = AppProcess.start(EmptyTableWindow.class.getName(), floorOptions, null)) {
                lastFloor = p.await("first-paint", 300_000);
                floor.add(lastFloor);
            }
            Path home = BenchFiles.dataDirWithCache("app-image-start", n);
            try (AppProcess p = AppProcess.startCommand(List.of(launcher.toString()), home,
                    Map.of("JAVA_TOOL_OPTIONS", "-Dreelwatch.marks=true"))) {
                double paint = p.await("first-paint", 900_000);
                p.await("loaded", 900_000);
                Thread.sleep(SETTLE_MILLIS);
                double resident = p.residentMiB();
                app.add(paint);
                rss.add(resident);
                System.out.printf(Locale.ROOT, "round %d: floor %.0f ms; app image first paint %.0f ms, RSS %.0f MiB%n",
                        round + 1, lastFloor, paint, resident);
            }
        }
        double ratio = app.median() / floor.median();
        new Figure(String.format(Locale.ROOT, "2b. Cold start from the app-image launcher, %,d tasks (median of %d)",
                n, rounds), Figure.ms(app.median()), Figure.ms(floor.median()) + " (empty window + TableView, JDK)",
                Figure.ratio(ratio), "≤ 1.3×", ratio <= 1.3).print();
        new Figure(String.format(Locale.ROOT, "6b. Resident memory, app-image launcher, %,d tasks", n),
                String.format(Locale.ROOT, "%.0f MiB", rss.median()), "—", "—", "< 350 MB",
                rss.median() * 1.048576 < 350).print();
    }

    /** The one executable in {@code bin/} (jpackage names it after the app). */
    static Path launcher(Path image) throws IOException {
        try (Stream<Path> bin = Files.list(image.resolve("bin"))) {
            return bin.filter(Files::isExecutable).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no launcher in " + image.resolve("bin")));
        }
    }
}
