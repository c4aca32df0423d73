package dev.reelwatch.bench;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.tasks.TaskRow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Benchmark 3, search and filter latency: the task list's in-memory filter (TaskListViewModel's FilteredList
 * over a SortedList sorted newest first, as the table shows it) over the 100,000 cached tasks, one sample per
 * keystroke of typed searches and per status filter click, beside the same searches asked of the store's
 * full-text index. The first round warms up and is not counted. Arguments: [tasks] [rounds, default 4].
 */
public final class FilterLatencyBenchmark {
    static final List<String> TYPED = List.of("paper boat", "fjord sunrise", "corgi", "lighthouse storm",
            "seedance", "kling", "東京", "zzz", "a");

    private FilterLatencyBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        // At a million rows the store's side (every match read back) takes minutes a round: "nofts" leaves it out.
        boolean withFts = args.length < 3 || !args[2].equals("nofts");
        Machine.print();
        Path dir = BenchFiles.dataDirWithCache("filter", n);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(dir.resolve("reelwatch.db"))) {
            SqliteTaskStore store = new SqliteTaskStore(db, clock);
            SyncService sync = new RecordingSyncService();
            TaskListViewModel vm = new TaskListViewModel(store, new StoreChangeRelay(store, UiThread.direct()), sync,
                    new SettingsWriter(new SqliteSettingsStore(db), UiThread.direct()), UiThread.direct(),
                    UiThread.direct(), new RelativeTime(clock));
            vm.reload();
            vm.comparatorProperty().set(Comparator.comparingLong(TaskRow::createdAtMillis).reversed());
            System.out.printf(Locale.ROOT, "%,d rows in the list%n", vm.totalCountProperty().get());
            Samples memory = new Samples();
            Samples fts = new Samples();
            List<Labelled> labelled = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Samples m = round == 0 ? new Samples() : memory;
                Samples f = round == 0 ? new Samples() : fts;
                for (String text : TYPED) {
                    for (int i = 1; i <= text.length(); i++) {
                        String typed = text.substring(0, i);
                        m.add(keep(labelled, round, "type \"" + typed + "\"",
                                time(() -> vm.searchTextProperty().set(typed))));
                        if (withFts) {
                            f.add(time(() -> store.summaries(new TaskQuery(Set.of(), null, typed, 0, 0, false))));
                        }
                    }
                    for (int i = text.length() - 1; i >= 0; i--) {
                        String erased = text.substring(0, i);
                        m.add(keep(labelled, round, "erase to \"" + erased + "\"",
                                time(() -> vm.searchTextProperty().set(erased))));
                    }
                }
                for (TaskStatus status : TaskStatus.values()) {
                    m.add(keep(labelled, round, "status " + status, time(() -> vm.showStatuses(Set.of(status)))));
                    if (withFts) {
                        f.add(time(() -> store.summaries(new TaskQuery(Set.of(status), null, null, 0, 0, false))));
                    }
                }
                m.add(keep(labelled, round, "clearFilters", time(vm::clearFilters)));
            }
            System.out.printf(Locale.ROOT, "in memory: %d samples, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    memory.size(), memory.median(), memory.percentile(99), memory.max());
            printSlowest(labelled, 12);
            if (!withFts) {
                new Figure(String.format(Locale.ROOT, "3. Search/filter latency over %,d tasks, p50 / p99", n),
                        Figure.ms(memory.median()) + " / " + Figure.ms(memory.percentile(99)), "(store not asked)",
                        "—", "p99 < 50 ms", memory.percentile(99) < 50).print();
                return;
            }
            System.out.printf(Locale.ROOT, "store (FTS / status index): %d samples, p50 %.2f ms, p99 %.2f ms%n",
                    fts.size(), fts.median(), fts.percentile(99));
            new Figure(String.format(Locale.ROOT, "3. Search/filter latency over %,d tasks, p50 / p99", n),
                    Figure.ms(memory.median()) + " / " + Figure.ms(memory.percentile(99)),
                    Figure.ms(fts.median()) + " / " + Figure.ms(fts.percentile(99)) + " (asking SQLite FTS)",
                    Figure.ratio(memory.percentile(99) / fts.percentile(99)) + " (p99)", "p99 < 50 ms",
                    memory.percentile(99) < 50).print();
        }
    }

    /** One counted sample with what it timed, for the breakdown. */
    private record Labelled(String what, double millis) {
    }

    /** Keeps the sample's label when the round counts; returns the time for the samples. */
    private static double keep(List<Labelled> labelled, int round, String what, double millis) {
        if (round > 0) {
            labelled.add(new Labelled(what, millis));
        }
        return millis;
    }

    private static void printSlowest(List<Labelled> labelled, int count) {
        System.out.println("slowest samples:");
        labelled.stream().sorted(Comparator.comparingDouble(Labelled::millis).reversed()).limit(count)
                .forEach(l -> System.out.printf(Locale.ROOT, "  %8.2f ms  %s%n", l.millis(), l.what()));
    }

    private static double time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
