package dev.reelwatch.ui.bench;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.TaskListViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Not a test: measures filtering 100,000 cached tasks in memory (FilteredList over rows with a lower-case
 * search key) against asking the store (SQLite full-text search). Run its main method; prints timings.
 */
public final class TaskFilterBenchmark {

    private TaskFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("rw-bench");
        Clock clock = Clock.systemUTC();
        try (TestCache cache = new TestCache(dir, clock)) {
            Account a = cache.addAccount("Bench", ProviderKind.MESHAPI, false);
            Instant now = clock.instant();
            long t0 = System.nanoTime();
            for (int batch = 0; batch < n; batch += 5_000) {
                List<Task> tasks = new ArrayList<>();
                for (Task t : TestCache.scenario(a, batch, now, Math.min(5_000, n - batch), 0, List.of("veo-3",
                        "kling-2.1", "phaseo-v2"))) {
                    tasks.add(t.toBuilder().providerTaskId(t.providerTaskId() + "-" + batch).build());
                }
                cache.tasks.upsert(a.id(), tasks);
            }
            System.out.printf("inserted %,d tasks in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);

            TaskListViewModel vm = new TaskListViewModel(cache.tasks,
                    new StoreChangeRelay(cache.tasks, UiThread.direct()), new RecordingSyncService(),
                    new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(), UiThread.direct(),
                    new RelativeTime(clock));
            t0 = System.nanoTime();
            vm.reload();
            System.out.printf("loaded %,d rows (no raw JSON) in %d ms, heap used %d MB%n",
                    vm.totalCountProperty().get(), (System.nanoTime() - t0) / 1_000_000,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

            String[] searches = {"p", "pa", "paper", "paper boat", "fjord sunrise", "kling", "zzz", ""};
            for (int round = 0; round < 3; round++) {
                for (String s : searches) {
                    long start = System.nanoTime();
                    vm.searchTextProperty().set(s);
                    long memory = System.nanoTime() - start;
                    start = System.nanoTime();
                    int stored = s.isEmpty() ? cache.tasks.count(TaskQuery.all())
                            : cache.tasks.query(new TaskQuery(Set.of(), null, s, 0, 0, false)).size();
                    long query = System.nanoTime() - start;
                    if (round == 2) {
                        System.out.printf("search %-14s in memory: %6.1f ms (%,d rows)   store query: %7.1f ms (%,d rows)%n",
                                "'" + s + "'", memory / 1e6, vm.visibleCountProperty().get(), query / 1e6, stored);
                    }
                }
            }
            long start = System.nanoTime();
            vm.showStatuses(Set.of(TaskStatus.FAILED));
            System.out.printf("status filter in memory: %.1f ms (%,d rows)%n", (System.nanoTime() - start) / 1e6,
                    vm.visibleCountProperty().get());
        }
    }
}
