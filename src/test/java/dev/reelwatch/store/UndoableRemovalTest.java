package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Removing from history with a way back, failed tasks by account and time, and pausing accounts. */
class UndoableRemovalTest {
    @TempDir
    Path dir;
    private StoreFixture fx;
    private Account studio;

    @BeforeEach
    void setUp() {
        fx = new StoreFixture(dir);
        studio = fx.account("studio");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void restorePutsRemovedTasksBackAsTheyWereIdsIncluded() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            tasks.add(StoreFixture.task("t-" + i, TaskStatus.SUCCEEDED, i)
                    .addOutput(TaskOutput.video(0, "https://cdn.example/" + i + ".mp4")).build());
        }
        fx.tasks.upsert(studio.id(), tasks);
        StoredTask first = fx.tasks.find(studio.id(), "t-7").orElseThrow();
        fx.tasks.setStarred(first.id(), true);
        fx.tasks.setNote(first.id(), "keep this one");
        fx.tasks.addTag(first.id(), "hero");
        fx.tasks.updateArchive(first.outputs().get(0).id(), ArchiveState.ARCHIVED, "/lib/t-7.mp4", 10L, "abc", null,
                null);
        StoredTask before = fx.tasks.byId(first.id()).orElseThrow();
        List<TaskEvent> timeline = fx.tasks.timeline(first.id());
        List<Long> ids = fx.tasks.summaries(TaskQuery.all()).stream().map(TaskSummary::id).toList();
        List<Set<Long>> removedHeard = new CopyOnWriteArrayList<>();
        List<Set<Long>> changedHeard = new CopyOnWriteArrayList<>();
        fx.tasks.addListener(change -> {
            if (!change.removed().isEmpty()) {
                removedHeard.add(change.removed());
            }
            if (!change.changed().isEmpty()) {
                changedHeard.add(change.changed());
            }
        });

        RemovedTasks removed = fx.tasks.removeFromHistoryUndoably(ids);

        assertEquals(1200, removed.size());
        assertEquals(0, fx.tasks.count(TaskQuery.all()));
        assertEquals(Set.copyOf(ids), removedHeard.get(0));

        assertEquals(1200, fx.tasks.restore(removed));

        assertEquals(1200, fx.tasks.count(TaskQuery.all()));
        assertEquals(Set.copyOf(ids), changedHeard.get(0));
        StoredTask after = fx.tasks.byId(first.id()).orElseThrow();
        assertEquals(before, after);
        assertEquals(timeline, fx.tasks.timeline(first.id()));
        assertEquals(1, fx.tasks.tagsWithCounts().get("hero"));
        assertEquals(1, fx.tasks.count(new TaskQuery(Set.of(), null, "keep", 0, 0, false)), "searchable again");
    }

    @Test
    void aTaskASyncBroughtBackMeanwhileStaysAsSynced() {
        fx.tasks.upsert(studio.id(), List.of(StoreFixture.task("a", TaskStatus.SUCCEEDED, 1).build(),
                StoreFixture.task("b", TaskStatus.SUCCEEDED, 2).build()));
        List<Long> ids = fx.tasks.summaries(TaskQuery.all()).stream().map(TaskSummary::id).toList();
        RemovedTasks removed = fx.tasks.removeFromHistoryUndoably(ids);
        fx.tasks.upsert(studio.id(), List.of(StoreFixture.task("a", TaskStatus.SUCCEEDED, 1).prompt("again").build()));

        assertEquals(1, fx.tasks.restore(removed));
        assertEquals(2, fx.tasks.count(TaskQuery.all()));
        assertEquals("again", fx.tasks.find(studio.id(), "a").orElseThrow().task().prompt());
    }

    @Test
    void failedTasksByAccountAndTimeNewestFirst() {
        Account other = fx.account("other");
        fx.tasks.upsert(studio.id(), List.of(
                StoreFixture.task("f1", TaskStatus.FAILED, 1).error(new TaskError("E1", "first")).build(),
                StoreFixture.task("f2", TaskStatus.FAILED, 5).completedAt(StoreFixture.START.plusSeconds(3600))
                        .build(),
                StoreFixture.task("ok", TaskStatus.SUCCEEDED, 3).build()));
        fx.tasks.upsert(other.id(), List.of(StoreFixture.task("g1", TaskStatus.FAILED, 2).build()));

        List<FailedTask> all = fx.tasks.failedTasks(null, null);
        assertEquals(List.of("f2", "g1", "f1"), all.stream().map(FailedTask::providerTaskId).toList());
        assertEquals("E1", all.get(2).code());
        assertEquals("", all.get(0).code());
        assertEquals(StoreFixture.START.plusSeconds(3600), all.get(0).at(), "completion time when known");
        assertEquals(List.of("g1"), fx.tasks.failedTasks(other.id(), null).stream()
                .map(FailedTask::providerTaskId).toList());
        assertEquals(List.of("f2", "g1"), fx.tasks.failedTasks(null, StoreFixture.START.plusSeconds(120)).stream()
                .map(FailedTask::providerTaskId).toList());
    }

    @Test
    void maskingHidesIdsNumbersAndUrls() {
        assertEquals("Job <id> failed after <n> s: see <url>",
                FailureGroups.mask("Job 3f1c9a2e-1b2c-4d5e-8f90-123456789abc failed after 12.5 s: see https://x.io/a?b=1"));
        assertEquals("Task <id> was rejected (code <n>)", FailureGroups.mask("Task task_8f3a9c2d was rejected (code 400)"));
        assertEquals("", FailureGroups.mask("  "));
    }

    @Test
    void pausedAccountsAreStored() {
        Account other = fx.account("other");
        fx.accounts.setPaused(other.id(), true);
        assertEquals(Set.of(other.id()), fx.accounts.pausedIds());
        assertTrue(fx.accounts.isPaused(other.id()));
        fx.accounts.setPaused(other.id(), false);
        assertTrue(fx.accounts.pausedIds().isEmpty());
    }
}
