package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.reelwatch.store.StoreFixture.START;
import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cache of 100,000 tasks still answers the table view's queries (a smoke check, not a timing assertion). */
class LargeCacheTest {
    private static final int TASKS = 100_000;

    @TempDir
    Path dir;

    @Test
    void hundredThousandTasksCanBeListedFilteredAndSearched() {
        try (StoreFixture store = new StoreFixture(dir)) {
            Account account = store.account("big");
            seed(store.db, account.id());
            // The last few arrive through the real upsert path on top of the seeded history.
            List<Task> recent = new ArrayList<>();
            for (int i = TASKS; i < TASKS + 1000; i++) {
                recent.add(task("task-" + i, TaskStatus.RUNNING, i).prompt("Scene " + i + " with a lighthouse")
                        .addOutput(TaskOutput.video(0, "https://cdn.example/" + i + ".mp4")).build());
            }
            assertEquals(1000, store.tasks.upsert(account.id(), recent).inserted().size());
            int total = TASKS + 1000;

            List<StoredTask> page = store.tasks.query(new TaskQuery(null, null, null, 200, 0, false));
            assertEquals(200, page.size());
            assertEquals("task-100999", page.get(0).task().providerTaskId());
            assertEquals(1, page.get(0).outputs().size());

            assertEquals(total, store.tasks.count(TaskQuery.all()));
            assertEquals(TASKS / 4,
                    store.tasks.count(new TaskQuery(Set.of(TaskStatus.FAILED), account.id(), null, 0, 0, false)));
            assertEquals(100 + 1000, store.tasks.count(new TaskQuery(null, null, "lighthouse", 0, 0, false)));
            List<StoredTask> oldLighthouses = store.tasks.query(
                    new TaskQuery(Set.of(TaskStatus.SUCCEEDED), null, "lighthouse", 10, 0, false));
            assertEquals("task-99000", oldLighthouses.get(0).task().providerTaskId());
            assertEquals(total, store.tasks.query(TaskQuery.all()).size(), "an unlimited listing works too");

            // The page cache that listing filled is handed back; the connection keeps its size and answers on.
            store.db.releaseReadCache();
            long cacheSize = store.db.read("read the cache size", c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA cache_size")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            assertEquals(-16_000L, cacheSize);
            assertEquals(total, store.tasks.summaries(TaskQuery.all()).size());
        }
    }

    /** 100,000 plain rows written in one statement: the query side is under test here, not the upsert. */
    private static void seed(Database db, long accountId) {
        db.write("seed tasks", c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL"
                    + " SELECT i + 1 FROM n WHERE i + 1 < ?)"
                    + " INSERT INTO tasks (account_id, provider_task_id, status, provider_status, prompt, model,"
                    + " created_at, fingerprint, first_seen_at, last_synced_at)"
                    + " SELECT ?, 'task-' || i, CASE i % 4 WHEN 0 THEN 'succeeded' WHEN 1 THEN 'failed'"
                    + " WHEN 2 THEN 'running' ELSE 'queued' END, 'x',"
                    + " 'Scene number ' || i || CASE WHEN i % 1000 = 0 THEN ' with a lighthouse' ELSE ' at sea' END,"
                    + " 'veo-3', ? + i * 60000, 'seed', ?, ? FROM n")) {
                ps.setInt(1, TASKS);
                ps.setLong(2, accountId);
                ps.setLong(3, START.toEpochMilli());
                ps.setLong(4, START.toEpochMilli());
                ps.setLong(5, START.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_outputs (task_id, idx, url, kind)"
                    + " SELECT id, 0, 'https://cdn.example/' || id || '.mp4', 'video' FROM tasks")) {
                ps.executeUpdate();
            }
            return null;
        });
    }
}
