package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static dev.reelwatch.store.TaskFingerprintTest.fullTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an upsert tells the provider repeating itself from a change, over caches written by any version. */
class TaskChangeDetectionTest {
    @TempDir
    Path dir;

    private StoreFixture store;
    private Account account;
    private final List<TaskChange> changes = new ArrayList<>();

    @BeforeEach
    void open() {
        store = new StoreFixture(dir);
        account = store.account("main");
        store.tasks.addListener(changes::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRepeatedPageOfFullTasksChangesNothingAndTellsNoOne() {
        List<Task> page = List.of(fullTask("t1"), fullTask("t2"), fullTask("t3"));
        store.tasks.upsert(account.id(), page);
        changes.clear();
        long events = count("SELECT count(*) FROM task_events");
        store.clock.advance(Duration.ofMinutes(1));

        UpsertResult again = store.tasks.upsert(account.id(), page);

        assertEquals(new UpsertResult(List.of(), List.of(), List.of(), 3), again);
        assertEquals(List.of(), changes);
        assertEquals(events, count("SELECT count(*) FROM task_events"));
        assertEquals(fullTask("t1").withAccountId(account.id()),
                store.tasks.find(account.id(), "t1").orElseThrow().task());
    }

    @Test
    void everySingleFieldChangeIsAChangeAndIsStoredOnce() {
        Map<String, UnaryOperator<Task.Builder>> fieldChanges = TaskFingerprintTest.singleFieldChanges();
        List<Task> before = new ArrayList<>();
        List<Task> after = new ArrayList<>();
        fieldChanges.forEach((name, change) -> {
            before.add(fullTask(name));
            after.add(change.apply(fullTask(name).toBuilder()).build());
        });
        store.tasks.upsert(account.id(), before);
        store.clock.advance(Duration.ofMinutes(1));

        UpsertResult changed = store.tasks.upsert(account.id(), after);

        assertEquals(0, changed.unchanged());
        assertEquals(fieldChanges.size(), changed.changed().size());
        fieldChanges.keySet().forEach(name -> assertTrue(changed.changed().contains(idOf(name)), name));
        assertEquals(List.of(idOf("status")), changed.statusChanged());
        // Once written, the changed task is the one the provider repeats.
        assertEquals(fieldChanges.size(), store.tasks.upsert(account.id(), after).unchanged());
    }

    @Test
    void anOldFormatFingerprintOfTheSameTaskIsNoChangeAndIsReplacedByTheNewFormat() {
        Task task = fullTask("t1");
        long id = store.tasks.upsert(account.id(), List.of(task)).inserted().get(0);
        storeOldFormatFingerprint(id, task);
        changes.clear();

        UpsertResult result = store.tasks.upsert(account.id(), List.of(task));

        assertEquals(new UpsertResult(List.of(), List.of(), List.of(), 1), result);
        assertEquals(List.of(), changes);
        assertEquals(1, store.tasks.timeline(id).size());
        assertEquals(TaskFingerprint.of(task.withAccountId(account.id())), storedFingerprint(id));
    }

    @Test
    void anOldFormatFingerprintOfAnotherVersionOfTheTaskIsAChangeAndIsReplacedByTheNewFormat() {
        Task task = fullTask("t1");
        long id = store.tasks.upsert(account.id(), List.of(task)).inserted().get(0);
        storeOldFormatFingerprint(id, task);
        changes.clear();
        Task newer = task.toBuilder().progress(50).build();

        UpsertResult result = store.tasks.upsert(account.id(), List.of(newer));

        assertEquals(new UpsertResult(List.of(), List.of(id), List.of(), 0), result);
        assertEquals(List.of(new TaskChange(Set.of(id), Set.of())), changes);
        assertEquals(50, store.tasks.byId(id).orElseThrow().task().progress());
        assertEquals(TaskFingerprint.of(newer.withAccountId(account.id())), storedFingerprint(id));
    }

    /** What a Reelwatch before the "v2:" format would have stored for this task. */
    private void storeOldFormatFingerprint(long id, Task task) {
        String old = TaskFingerprint.legacy(task.withAccountId(account.id()));
        store.db.write("store an old fingerprint", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET fingerprint = ? WHERE id = ?")) {
                ps.setString(1, old);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        assertEquals(old, storedFingerprint(id));
    }

    private String storedFingerprint(long id) {
        return store.db.read("read a fingerprint", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM tasks WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private long count(String sql) {
        return store.db.read("count", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private long idOf(String providerTaskId) {
        return store.tasks.find(account.id(), providerTaskId).orElseThrow().id();
    }
}
