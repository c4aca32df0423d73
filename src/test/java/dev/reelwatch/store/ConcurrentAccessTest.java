package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentAccessTest {
    @TempDir
    Path dir;

    @Test
    void readersKeepReadingWhileTwoPollersWrite() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (StoreFixture store = new StoreFixture(dir)) {
            Account first = store.account("first");
            Account second = store.account("second");
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<?> a = pool.submit(() -> poll(store, first.id(), "a"));
            Future<?> b = pool.submit(() -> poll(store, second.id(), "b"));
            Future<Integer> reads = pool.submit(() -> {
                int count = 0;
                while (writing.get() || count == 0) {
                    List<StoredTask> page = store.tasks.query(new TaskQuery(null, null, "scene", 50, 0, false));
                    assertTrue(page.size() <= 50);
                    store.tasks.countsByStatus(null);
                    count++;
                }
                return count;
            });
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            writing.set(false);

            assertTrue(reads.get(60, TimeUnit.SECONDS) > 0);
            assertEquals(200, store.tasks.count(TaskQuery.all()));
            assertEquals(100, store.tasks.countsByStatus(first.id()).get(TaskStatus.SUCCEEDED));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void poll(StoreFixture store, long accountId, String prefix) {
        for (int round = 0; round < 5; round++) {
            TaskStatus status = round < 4 ? TaskStatus.RUNNING : TaskStatus.SUCCEEDED;
            int progress = round * 10;
            for (int page = 0; page < 10; page++) {
                int base = page * 10;
                store.tasks.upsert(accountId, IntStream.range(base, base + 10)
                        .mapToObj(i -> task(prefix + "-" + i, status, i).prompt("scene " + i).progress(progress)
                                .build())
                        .toList());
            }
        }
    }
}
