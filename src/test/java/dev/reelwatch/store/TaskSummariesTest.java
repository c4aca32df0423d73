package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.reelwatch.store.StoreFixture.START;
import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean listing the task table loads: the same tasks and facts as the full query, read in one go. */
class TaskSummariesTest {
    @TempDir
    Path dir;

    private StoreFixture store;
    private Account main;
    private Account other;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir);
        main = store.account("main");
        other = store.account("other");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSummaryHoldsWhatTheFullTaskSays() {
        Task rich = task("vid-rich", TaskStatus.FAILED, 3)
                .providerStatus("error").progress(42).prompt("A fox\njumps").completedAt(START.plusSeconds(400))
                .duration(Duration.ofMillis(8500)).resolution("1920x1080").aspectRatio("16:9").etaSeconds(12)
                .addOutput(new TaskOutput(0, "https://cdn.example/still.jpg", OutputKind.IMAGE, null, null, null,
                        null, false))
                .addOutput(new TaskOutput(1, "https://cdn.example/a.mp4", OutputKind.VIDEO, START, 5L, null,
                        "video/mp4", false))
                .error(new TaskError("E42", "content policy"))
                .cost(Cost.money(new BigDecimal("0.40"), "USD"))
                .parameter("style", "noir")
                .rawJson("{\"id\":\"vid-rich\"}")
                .build();
        store.tasks.upsert(main.id(), List.of(rich, task("vid-plain", TaskStatus.QUEUED, 1).prompt(null)
                .model(null).build()));

        long richId = store.tasks.find(main.id(), "vid-rich").orElseThrow().id();
        store.tasks.setStarred(richId, true);
        store.tasks.setNote(richId, "keep for the reel");
        store.tasks.setTags(richId, List.of("b-roll", "client"));

        List<TaskSummary> summaries = store.tasks.summaries(TaskQuery.all());

        assertEquals(store.tasks.query(TaskQuery.all()).stream().map(TaskSummary::of).toList(), summaries);
        TaskSummary first = summaries.get(0);
        assertTrue(first.starred());
        assertEquals("keep for the reel", first.note());
        assertEquals(List.of("b-roll", "client"), first.tags());
        assertEquals(List.of(), summaries.get(1).tags());
        assertEquals("https://cdn.example/a.mp4", first.videoUrl(), "the first video, not the first output");
        assertEquals("main", first.accountName());
        assertNull(summaries.get(1).videoUrl());
        assertNull(summaries.get(1).prompt());
    }

    @Test
    void summariesFilterOrderAndPageLikeTheFullQuery() {
        for (int i = 0; i < 30; i++) {
            Account account = i % 3 == 0 ? other : main;
            store.tasks.upsert(account.id(), List.of(task("t-" + i, i % 2 == 0 ? TaskStatus.SUCCEEDED
                    : TaskStatus.RUNNING, i).prompt(i % 5 == 0 ? "a lighthouse " + i : "a boat " + i).build()));
        }
        List<TaskQuery> queries = List.of(TaskQuery.all(),
                new TaskQuery(Set.of(TaskStatus.RUNNING), null, null, 0, 0, false),
                new TaskQuery(Set.of(), other.id(), null, 0, 0, false),
                new TaskQuery(Set.of(), null, "lighthouse", 0, 0, false),
                new TaskQuery(Set.of(TaskStatus.SUCCEEDED), main.id(), "boat", 3, 2, false));
        for (TaskQuery q : queries) {
            assertEquals(store.tasks.query(q).stream().map(TaskSummary::of).toList(), store.tasks.summaries(q),
                    q.toString());
        }
        assertEquals("t-29", store.tasks.summaries(TaskQuery.all()).get(0).providerTaskId(), "newest first");
    }

    @Test
    void aTaskCountsAsArchivedOnlyWhenAFileIsInTheLibrary() {
        store.tasks.upsert(main.id(), List.of(
                task("kept", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/k.mp4")).build(),
                task("failed", TaskStatus.SUCCEEDED, 2).addOutput(TaskOutput.video(0, "https://cdn/f.mp4")).build()));
        long keptOutput = store.tasks.find(main.id(), "kept").orElseThrow().outputs().get(0).id();
        long failedOutput = store.tasks.find(main.id(), "failed").orElseThrow().outputs().get(0).id();
        store.tasks.updateArchive(keptOutput, ArchiveState.ARCHIVED, "/lib/k.mp4", 10L, null, 100, null);
        store.tasks.updateArchive(failedOutput, ArchiveState.FAILED, null, null, null, null, "gone");

        List<TaskSummary> summaries = store.tasks.summaries(TaskQuery.all());

        assertFalse(summaries.get(0).archived(), "failed");
        assertTrue(summaries.get(1).archived(), "kept");
        assertEquals(store.tasks.query(TaskQuery.all()).stream().map(TaskSummary::of).toList(), summaries);
    }

    @Test
    void summariesOfIdsSkipTasksNoLongerCachedAndComeNewestFirst() {
        store.tasks.upsert(main.id(), List.of(task("old", TaskStatus.QUEUED, 1).build(),
                task("new", TaskStatus.QUEUED, 9).build(), task("removed", TaskStatus.QUEUED, 5).build()));
        long oldId = store.tasks.find(main.id(), "old").orElseThrow().id();
        long newId = store.tasks.find(main.id(), "new").orElseThrow().id();
        long removedId = store.tasks.find(main.id(), "removed").orElseThrow().id();
        store.tasks.removeFromHistory(List.of(removedId));

        List<TaskSummary> found = store.tasks.summariesOf(List.of(oldId, removedId, newId, oldId));

        assertEquals(List.of("new", "old"), found.stream().map(TaskSummary::providerTaskId).toList());
        assertEquals(TaskSummary.of(store.tasks.byId(oldId).orElseThrow()), found.get(1));
        assertEquals(List.of(), store.tasks.summariesOf(List.of()));
    }

    @Test
    void summariesOfManyIdsAreReadInSeveralStatements() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            tasks.add(task("bulk-" + i, TaskStatus.SUCCEEDED, i).build());
        }
        store.tasks.upsert(main.id(), tasks);
        List<Long> ids = store.tasks.query(TaskQuery.all()).stream().map(StoredTask::id).toList();

        assertEquals(store.tasks.summaries(TaskQuery.all()), store.tasks.summariesOf(ids));
    }

    @Test
    void outputsInAStateAreFoundWithoutReadingTheirTasks() {
        store.tasks.upsert(main.id(), List.of(
                task("a", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/a.mp4")).build(),
                task("b", TaskStatus.SUCCEEDED, 2).addOutput(TaskOutput.video(0, "https://cdn/b.mp4"))
                        .addOutput(TaskOutput.video(1, "https://cdn/b1.mp4")).build()));
        List<StoredOutput> outputs = store.tasks.find(main.id(), "b").orElseThrow().outputs();
        store.tasks.updateArchive(outputs.get(1).id(), ArchiveState.DOWNLOADING, null, null, null, 40, null);

        List<StoredOutput> downloading = store.tasks.outputsInState(ArchiveState.DOWNLOADING);

        assertEquals(List.of(outputs.get(1).id()), downloading.stream().map(StoredOutput::id).toList());
        assertEquals(40, downloading.get(0).downloadPercent());
        assertEquals(2, store.tasks.outputsInState(ArchiveState.NONE).size());
        assertEquals(List.of(), store.tasks.outputsInState(ArchiveState.ARCHIVED));
    }
}
