package dev.reelwatch.bench;

import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark 7, FX-thread stalls: Reelwatch runs with the 100,000-task cache and a second MeshAPI account whose
 * 10,000 tasks are served on loopback, so its poller's first sync pours 10,000 new tasks into the open window.
 * The app (with {@code -Dreelwatch.marks=true}) keeps pulses coming and reports every gap between pulses over
 * 50 ms; the figure is the longest gap from the end of the initial load until the table holds every task,
 * beside the longest gap in the same window's idle seconds afterwards. Needs a display (xvfb-run).
 * Arguments: [cached tasks, default 100000] [synced tasks, default 10000].
 */
public final class FxStallBenchmark {
    private static final String ACCOUNT = "Stall";

    private FxStallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cached = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int synced = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Machine.print();
        try (MeshApiReplay replay = MeshApiReplay.of(synced, 100)) {
            Path home = BenchFiles.dataDirWithCache("fx-stall", cached);
            try (Database db = Database.open(home.resolve(DataDirectory.DATABASE_FILE))) {
                new SqliteAccountStore(db).add(replay.account(0, ACCOUNT));
            }
            new CredentialStore(DataDirectory.credentialsFile(home)).put(ACCOUNT, MeshApiReplay.KEY);
            int target = cached + synced;
            long duringMax = 0;
            long idleMax = 0;
            StringBuilder gaps = new StringBuilder();
            double syncSeconds;
            try (AppProcess p = AppProcess.start("dev.reelwatch.app.Main", ColdStartBenchmark.jvmOptions(), home)) {
                p.await("loaded", 900_000);
                long loadedAt = System.nanoTime();
                long deadline = System.currentTimeMillis() + 900_000;
                while (rows(p) < target) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the table reached only " + rows(p) + " rows");
                    }
                    Thread.sleep(50);
                }
                long doneAt = System.nanoTime();
                syncSeconds = (doneAt - loadedAt) / 1e9;
                Thread.sleep(3000);
                for (String[] m : p.marks()) {
                    long readAt = Long.parseLong(m[2]);
                    if (m[0].equals("gap") && readAt > loadedAt) {
                        long gap = Long.parseLong(m[1]);
                        if (readAt <= doneAt + 200_000_000L) {
                            duringMax = Math.max(duringMax, gap);
                            gaps.append(gap).append(' ');
                        } else {
                            idleMax = Math.max(idleMax, gap);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "synced %,d tasks into a table of %,d in %.1f s; longest pulse gap %d ms"
                    + " (idle afterwards: %d ms; gaps under 50 ms are not reported)%n", synced, cached, syncSeconds,
                    duringMax, idleMax);
            System.out.println("gaps over 50 ms during the sync: " + gaps);
            new Figure(String.format(Locale.ROOT, "7. Longest FX pulse gap while %,d tasks sync (table of %,d)",
                    synced, cached), duringMax + " ms", (idleMax == 0 ? "< 50" : String.valueOf(idleMax))
                    + " ms (same window, idle)", "—", "< 100 ms", duringMax < 100).print();
        }
    }

    private static int rows(AppProcess p) {
        int rows = 0;
        for (String[] m : p.marks()) {
            if (m[0].equals("rows")) {
                rows = Integer.parseInt(m[1]);
            }
        }
        return rows;
    }
}
