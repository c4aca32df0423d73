package dev.reelwatch.bench;

import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.ui.tasks.TaskRow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Not a goal of its own but behind goals 2 and 6: how long reading every cached task for the table takes,
 * the full {@code query(TaskQuery.all())} beside the lean list projection. Arguments: [tasks] [rounds].
 */
public final class ListLoadBenchmark {

    private ListLoadBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Machine.print();
        Path dir = BenchFiles.dataDirWithCache("list-load", n);
        Samples full = new Samples();
        Samples lean = new Samples();
        try (Database db = Database.open(dir.resolve("reelwatch.db"))) {
            SqliteTaskStore store = new SqliteTaskStore(db, Clock.systemUTC());
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                int rows = store.query(TaskQuery.all()).stream().map(TaskRow::of).toList().size();
                double ms = (System.nanoTime() - start) / 1e6;
                full.add(ms);
                start = System.nanoTime();
                int leanRows = store.summaries(TaskQuery.all()).stream().map(TaskRow::of).toList().size();
                double leanMs = (System.nanoTime() - start) / 1e6;
                lean.add(leanMs);
                System.out.printf(Locale.ROOT, "round %d: query(all) %,d rows in %.0f ms; summaries(all) %,d rows in"
                        + " %.0f ms (both made into table rows)%n", round + 1, rows, ms, leanRows, leanMs);
            }
        }
        double ratio = lean.median() / full.median();
        new Figure(String.format(Locale.ROOT, "Load %,d table rows from the cache", n), Figure.ms(lean.median())
                + " (summaries)", Figure.ms(full.median()) + " (full query, as before)", Figure.ratio(ratio),
                "faster than before", ratio < 1).print();
    }
}
