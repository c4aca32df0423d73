package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ExpirySource;
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
import java.util.Map;
import java.util.Set;

import static dev.reelwatch.store.StoreFixture.START;
import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteTaskStoreTest {
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
    void everyFieldOfATaskSurvivesTheRoundTrip() {
        Task original = Task.builder("vid-abc-123", TaskStatus.FAILED)
                .providerStatus("error")
                .progress(42)
                .prompt("A fox\njumps")
                .model("veo-3")
                .createdAt(START)
                .updatedAt(START.plusSeconds(5))
                .startedAt(START.plusSeconds(1))
                .completedAt(START.plusSeconds(9))
                .duration(Duration.ofMillis(8500))
                .resolution("1920x1080")
                .aspectRatio("16:9")
                .fps(29.97)
                .seed(-77L)
                .addOutput(new TaskOutput(0, "https://cdn.example/a.mp4", OutputKind.VIDEO,
                        START.plusSeconds(3600), 1234L, "ab12", "video/mp4", false))
                .addOutput(new TaskOutput(1, "https://api.example/content", OutputKind.COMBINED_VIDEO, null, null,
                        null, null, true))
                .thumbnailUrl("https://cdn.example/a.jpg")
                .error(new TaskError("", "content policy"))
                .cost(Cost.money(new BigDecimal("0.40"), "USD"))
                .etaSeconds(12)
                .pollAfter(Duration.ofSeconds(20))
                .parameter("style", "noir")
                .parameter("camera", "dolly")
                .rawJson("{\"id\":\"vid-abc-123\"}")
                .build();

        store.tasks.upsert(account.id(), List.of(original));
        StoredTask stored = store.tasks.find(account.id(), "vid-abc-123").orElseThrow();

        assertEquals(original.withAccountId(account.id()), stored.task());
        assertEquals(List.of("style", "camera"), List.copyOf(stored.task().parameters().keySet()));
        assertEquals("main", stored.accountName());
        assertEquals(account.provider(), stored.provider());
        assertTrue(stored.onProvider());
        assertEquals(START, stored.firstSeenAt());
        assertEquals(stored, store.tasks.byId(stored.id()).orElseThrow());
    }

    @Test
    void firstSightingInsertsAndWritesOneTimelineEvent() {
        UpsertResult result = store.tasks.upsert(account.id(), List.of(task("t1", TaskStatus.QUEUED, 0).build()));

        assertEquals(1, result.inserted().size());
        assertEquals(List.of(), result.changed());
        assertEquals(0, result.unchanged());
        long id = result.inserted().get(0);
        assertEquals(List.of(new TaskEvent(id, START, null, TaskStatus.QUEUED, "queued")), store.tasks.timeline(id));
        assertEquals(List.of(new TaskChange(Set.of(id), Set.of())), changes);
    }

    @Test
    void repeatedIdenticalPageChangesNothingAndTellsNoOne() {
        List<Task> page = List.of(task("t1", TaskStatus.RUNNING, 0).progress(10).build(),
                task("t2", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/x.mp4")).build());
        store.tasks.upsert(account.id(), page);
        changes.clear();
        store.clock.advance(Duration.ofMinutes(1));

        UpsertResult again = store.tasks.upsert(account.id(), page);

        assertEquals(new UpsertResult(List.of(), List.of(), List.of(), 2), again);
        assertEquals(List.of(), changes);
        long id = store.tasks.find(account.id(), "t1").orElseThrow().id();
        assertEquals(1, store.tasks.timeline(id).size());
        assertEquals(START.plusSeconds(60), store.tasks.byId(id).orElseThrow().lastSyncedAt());
    }

    @Test
    void progressChangeIsAChangeButNotAStatusEvent() {
        long id = store.tasks.upsert(account.id(), List.of(task("t1", TaskStatus.RUNNING, 0).progress(10).build()))
                .inserted().get(0);
        changes.clear();

        UpsertResult result = store.tasks.upsert(account.id(),
                List.of(task("t1", TaskStatus.RUNNING, 0).progress(60).build()));

        assertEquals(List.of(id), result.changed());
        assertEquals(List.of(), result.statusChanged());
        assertEquals(1, store.tasks.timeline(id).size());
        assertEquals(60, store.tasks.byId(id).orElseThrow().task().progress());
        assertEquals(List.of(new TaskChange(Set.of(id), Set.of())), changes);
    }

    @Test
    void statusChangesBuildTheTimelineWithTheirTimes() {
        long id = store.tasks.upsert(account.id(), List.of(task("t1", TaskStatus.QUEUED, 0).build())).inserted().get(0);
        store.clock.advance(Duration.ofSeconds(30));
        UpsertResult running = store.tasks.upsert(account.id(),
                List.of(task("t1", TaskStatus.RUNNING, 0).providerStatus("in_progress").build()));
        store.clock.advance(Duration.ofSeconds(30));
        store.tasks.upsert(account.id(), List.of(task("t1", TaskStatus.RUNNING, 0).providerStatus("in_progress")
                .progress(50).build()));
        store.clock.advance(Duration.ofSeconds(30));
        store.tasks.upsert(account.id(), List.of(task("t1", TaskStatus.SUCCEEDED, 0).providerStatus("completed").build()));

        assertEquals(List.of(id), running.statusChanged());
        assertEquals(List.of(
                new TaskEvent(id, START, null, TaskStatus.QUEUED, "queued"),
                new TaskEvent(id, START.plusSeconds(30), TaskStatus.QUEUED, TaskStatus.RUNNING, "in_progress"),
                new TaskEvent(id, START.plusSeconds(90), TaskStatus.RUNNING, TaskStatus.SUCCEEDED, "completed")),
                store.tasks.timeline(id));
    }

    @Test
    void tasksAreUniquePerAccountAndProviderTaskId() {
        Account other = store.account("second");
        store.tasks.upsert(account.id(), List.of(task("same", TaskStatus.QUEUED, 0).build()));
        UpsertResult result = store.tasks.upsert(other.id(), List.of(task("same", TaskStatus.QUEUED, 0).build()));

        assertEquals(1, result.inserted().size());
        assertEquals(2, store.tasks.count(TaskQuery.all()));
        assertEquals(other.id(), store.tasks.find(other.id(), "same").orElseThrow().accountId());
    }

    @Test
    void archiveStateSurvivesAnUpsertWithTheSameUrl() {
        Task done = task("t1", TaskStatus.SUCCEEDED, 0).addOutput(TaskOutput.video(0, "https://cdn/a.mp4")).build();
        store.tasks.upsert(account.id(), List.of(done));
        StoredOutput output = store.tasks.outputsAwaitingArchive(10).get(0);
        store.tasks.updateArchive(output.id(), ArchiveState.ARCHIVED, "/lib/a.mp4", 1000L, "cafe", 100, null);

        store.tasks.upsert(account.id(), List.of(done.toBuilder().progress(100).build()));

        StoredOutput after = store.tasks.find(account.id(), "t1").orElseThrow().outputs().get(0);
        assertEquals(output.id(), after.id());
        assertEquals(ArchiveState.ARCHIVED, after.archiveState());
        assertEquals("/lib/a.mp4", after.localPath());
        assertEquals(1000L, after.localBytes());
        assertEquals("cafe", after.localSha256());
        assertEquals("/lib/a.mp4", store.tasks.find(account.id(), "t1").orElseThrow().localFile().orElseThrow());
    }

    @Test
    void aNewUrlStartsAFailedArchiveOverButARotatedSignedLinkKeepsAnArchivedFile() {
        Task failed = task("f", TaskStatus.SUCCEEDED, 0).addOutput(TaskOutput.video(0, "https://cdn/f.mp4?sig=1")).build();
        Task archived = task("a", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/a.mp4?sig=1")).build();
        store.tasks.upsert(account.id(), List.of(failed, archived));
        for (StoredOutput o : store.tasks.outputsAwaitingArchive(0)) {
            boolean isFailed = o.output().url().contains("/f.mp4");
            store.tasks.updateArchive(o.id(), isFailed ? ArchiveState.FAILED : ArchiveState.ARCHIVED,
                    isFailed ? null : "/lib/a.mp4", null, null, null, isFailed ? "HTTP 403" : null);
        }

        store.tasks.upsert(account.id(), List.of(
                failed.toBuilder().outputs(List.of(TaskOutput.video(0, "https://cdn/f.mp4?sig=2"))).build(),
                archived.toBuilder().outputs(List.of(TaskOutput.video(0, "https://cdn/a.mp4?sig=2"))).build()));

        StoredOutput retried = store.tasks.find(account.id(), "f").orElseThrow().outputs().get(0);
        assertEquals(ArchiveState.NONE, retried.archiveState());
        assertNull(retried.archiveError());
        assertEquals("https://cdn/f.mp4?sig=2", retried.output().url());
        StoredOutput kept = store.tasks.find(account.id(), "a").orElseThrow().outputs().get(0);
        assertEquals(ArchiveState.ARCHIVED, kept.archiveState());
        assertEquals("https://cdn/a.mp4?sig=2", kept.output().url());
    }

    @Test
    void outputsTheProviderDropsGoUnlessTheirFileIsArchived() {
        Task three = task("t", TaskStatus.SUCCEEDED, 0).addOutput(TaskOutput.video(0, "https://cdn/0.mp4"))
                .addOutput(TaskOutput.video(1, "https://cdn/1.mp4"))
                .addOutput(TaskOutput.video(2, "https://cdn/2.mp4")).build();
        store.tasks.upsert(account.id(), List.of(three));
        StoredOutput second = store.tasks.find(account.id(), "t").orElseThrow().outputs().get(1);
        store.tasks.updateArchive(second.id(), ArchiveState.ARCHIVED, "/lib/1.mp4", 10L, null, 100, null);

        store.tasks.upsert(account.id(), List.of(three.toBuilder().status(TaskStatus.EXPIRED)
                .outputs(List.of(TaskOutput.video(0, "https://cdn/0.mp4"))).build()));

        List<StoredOutput> outputs = store.tasks.find(account.id(), "t").orElseThrow().outputs();
        assertEquals(List.of(0, 1), outputs.stream().map(o -> o.output().index()).toList());
        assertEquals("/lib/1.mp4", outputs.get(1).localPath());
    }

    @Test
    void anAnswerWithoutOutputsNeverErasesKnownLinksThumbnailOrArchiveState() {
        Task known = task("t", TaskStatus.SUCCEEDED, 0).thumbnailUrl("https://cdn/t.jpg")
                .addOutput(new TaskOutput(0, "https://cdn/0.mp4", OutputKind.VIDEO, StoreFixture.START.plusSeconds(60),
                        null, null, "video/mp4", false, ExpirySource.INFERRED, null))
                .addOutput(TaskOutput.video(1, "https://cdn/1.mp4")).build();
        store.tasks.upsert(account.id(), List.of(known));
        StoredOutput first = store.tasks.find(account.id(), "t").orElseThrow().outputs().get(0);
        store.tasks.updateArchive(first.id(), ArchiveState.ARCHIVED, "/lib/0.mp4", 10L, "ab", 100, null);

        // BytePlus cleaned up: the same succeeded task now comes back with content null.
        store.tasks.upsert(account.id(), List.of(known.toBuilder().thumbnailUrl(null).outputs(List.of())
                .parameter("later", "answer").build()));

        StoredTask after = store.tasks.find(account.id(), "t").orElseThrow();
        assertEquals("answer", after.task().parameters().get("later"), "the rest of the answer was taken");
        assertEquals("https://cdn/t.jpg", after.task().thumbnailUrl());
        assertEquals(List.of("https://cdn/0.mp4", "https://cdn/1.mp4"),
                after.outputs().stream().map(o -> o.output().url()).toList());
        assertEquals(ArchiveState.ARCHIVED, after.outputs().get(0).archiveState());
        assertEquals("/lib/0.mp4", after.outputs().get(0).localPath());
        assertEquals(ExpirySource.INFERRED, after.outputs().get(0).output().expirySource());
    }

    @Test
    void firstSeenAndFinishedSeenAreReelwatchsOwnClockSetOnUpsert() {
        store.tasks.upsert(account.id(), List.of(Task.builder("mpt", TaskStatus.RUNNING).build()));
        StoredTask running = store.tasks.find(account.id(), "mpt").orElseThrow();
        assertEquals(StoreFixture.START, running.firstSeenAt());
        assertNull(running.finishedSeenAt());

        store.clock.set(StoreFixture.START.plusSeconds(240));
        store.tasks.upsert(account.id(), List.of(Task.builder("mpt", TaskStatus.SUCCEEDED).build()));
        store.clock.set(StoreFixture.START.plusSeconds(600));
        store.tasks.upsert(account.id(), List.of(Task.builder("mpt", TaskStatus.SUCCEEDED).progress(100).build()));

        StoredTask done = store.tasks.find(account.id(), "mpt").orElseThrow();
        assertEquals(StoreFixture.START, done.firstSeenAt());
        assertEquals(StoreFixture.START.plusSeconds(240), done.finishedSeenAt(), "the first time it was seen finished");
        assertNull(done.task().createdAt(), "never presented as the provider's time");
        assertEquals(java.time.Duration.ofMinutes(4), done.observedRunTime().orElseThrow());
        TaskSummary summary = store.tasks.summaries(TaskQuery.all()).get(0);
        assertEquals(StoreFixture.START, summary.firstSeenAt());
        assertEquals(StoreFixture.START.plusSeconds(240), summary.finishedSeenAt());
        assertEquals(TaskSummary.of(done), summary);

        store.tasks.upsert(account.id(), List.of(Task.builder("seen-done", TaskStatus.FAILED).build()));
        StoredTask alreadyDone = store.tasks.find(account.id(), "seen-done").orElseThrow();
        assertEquals(alreadyDone.firstSeenAt(), alreadyDone.finishedSeenAt());
        assertTrue(alreadyDone.observedRunTime().isEmpty(), "no run time for a task first seen finished");
    }

    @Test
    void archivingTakesLiveLinksSoonestFirstThenLinksWithoutExpiryThenPastOnesNewestFirst() {
        Task.Builder b = task("t", TaskStatus.SUCCEEDED, 0);
        int[] minutes = {90, -5, 30, -120};
        for (int i = 0; i < minutes.length; i++) {
            b.addOutput(new TaskOutput(i, "https://cdn/" + i + ".mp4", OutputKind.VIDEO,
                    START.plusSeconds(60L * minutes[i]), null, null, "video/mp4", false, ExpirySource.INFERRED, null));
        }
        b.addOutput(TaskOutput.video(4, "https://cdn/4.mp4"));
        store.tasks.upsert(account.id(), List.of(b.build()));

        List<Integer> order = store.tasks.outputsAwaitingArchive(0).stream().map(o -> o.output().index()).toList();

        // 30 min left, 90 min left; no expiry; passed 5 min ago, passed 2 h ago: every one is still tried.
        assertEquals(List.of(2, 0, 4, 1, 3), order);
    }

    @Test
    void linkExpiredAtIsStampedOnlyWhenTheArchiveSaysTheLinkIsGone() {
        store.tasks.upsert(account.id(), List.of(task("t", TaskStatus.SUCCEEDED, 0)
                .addOutput(TaskOutput.video(0, "https://cdn/0.mp4")).build()));
        StoredOutput o = store.tasks.find(account.id(), "t").orElseThrow().outputs().get(0);
        store.tasks.updateArchive(o.id(), ArchiveState.FAILED, null, null, null, null, "HTTP 500");
        assertNull(store.tasks.find(account.id(), "t").orElseThrow().outputs().get(0).linkExpiredAt());

        store.clock.set(StoreFixture.START.plusSeconds(90));
        store.tasks.updateArchive(o.id(), ArchiveState.LINK_EXPIRED, null, null, null, null, "HTTP 403");

        assertEquals(StoreFixture.START.plusSeconds(90),
                store.tasks.find(account.id(), "t").orElseThrow().outputs().get(0).linkExpiredAt());
    }

    @Test
    void outputsAwaitingArchiveAreThoseOfSucceededTasksEarliestExpiryFirst() {
        store.tasks.upsert(account.id(), List.of(
                task("late", TaskStatus.SUCCEEDED, 0).addOutput(expiring("late", 7200)).build(),
                task("never", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/never.mp4")).build(),
                task("soon", TaskStatus.SUCCEEDED, 2).addOutput(expiring("soon", 600)).build(),
                task("running", TaskStatus.RUNNING, 3).addOutput(expiring("running", 60)).build(),
                task("done", TaskStatus.SUCCEEDED, 4).addOutput(expiring("done", 30)).build()));
        StoredOutput done = store.tasks.find(account.id(), "done").orElseThrow().outputs().get(0);
        store.tasks.updateArchive(done.id(), ArchiveState.ARCHIVED, "/lib/done.mp4", 1L, null, 100, null);
        StoredOutput soon = store.tasks.find(account.id(), "soon").orElseThrow().outputs().get(0);
        store.tasks.updateArchive(soon.id(), ArchiveState.PENDING, null, null, null, null, null);

        List<String> urls = store.tasks.outputsAwaitingArchive(0).stream().map(o -> o.output().url()).toList();

        assertEquals(List.of("https://cdn/soon.mp4", "https://cdn/late.mp4", "https://cdn/never.mp4"), urls);
        assertEquals(1, store.tasks.outputsAwaitingArchive(1).size());
    }

    @Test
    void updateArchiveTellsListenersWhichTaskChanged() {
        long id = store.tasks.upsert(account.id(), List.of(task("t", TaskStatus.SUCCEEDED, 0)
                .addOutput(TaskOutput.video(0, "https://cdn/t.mp4")).build())).inserted().get(0);
        changes.clear();
        StoredOutput output = store.tasks.outputsAwaitingArchive(1).get(0);

        store.tasks.updateArchive(output.id(), ArchiveState.DOWNLOADING, null, null, null, 40, null);

        assertEquals(List.of(new TaskChange(Set.of(id), Set.of())), changes);
        assertEquals(40, store.tasks.byId(id).orElseThrow().outputs().get(0).downloadPercent());
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheStoreOrOtherListeners() {
        List<TaskChange> later = new ArrayList<>();
        store.tasks.addListener(change -> {
            throw new IllegalStateException("listener bug");
        });
        store.tasks.addListener(later::add);

        UpsertResult result = store.tasks.upsert(account.id(), List.of(task("t", TaskStatus.QUEUED, 0).build()));

        assertEquals(1, later.size());
        assertTrue(store.tasks.byId(result.inserted().get(0)).isPresent());
    }

    @Test
    void removedListenersHearNothing() {
        TaskChangeListener listener = changes::add;
        store.tasks.addListener(listener);
        store.tasks.removeListener(listener);
        changes.clear();
        store.tasks.removeListener(changes::add); // a different instance: the fixture's listener stays

        store.tasks.upsert(account.id(), List.of(task("t", TaskStatus.QUEUED, 0).build()));

        assertEquals(1, changes.size());
    }

    @Test
    void goneTasksStayInHistoryAndComeBackWhenSeenAgain() {
        Task seen = task("t1", TaskStatus.SUCCEEDED, 0).build();
        long id = store.tasks.upsert(account.id(), List.of(seen, task("t2", TaskStatus.QUEUED, 1).build()))
                .inserted().get(0);
        changes.clear();

        assertEquals(1, store.tasks.markGoneFromProvider(account.id(), List.of("t1", "unknown")));
        assertEquals(0, store.tasks.markGoneFromProvider(account.id(), List.of("t1")));

        StoredTask gone = store.tasks.byId(id).orElseThrow();
        assertFalse(gone.onProvider());
        assertEquals(2, store.tasks.count(TaskQuery.all()));
        assertEquals(List.of(new TaskChange(Set.of(id), Set.of())), changes);

        UpsertResult back = store.tasks.upsert(account.id(), List.of(seen));

        assertEquals(List.of(id), back.changed());
        assertEquals(List.of(), back.statusChanged());
        assertTrue(store.tasks.byId(id).orElseThrow().onProvider());
    }

    @Test
    void activeTasksAreTheUnfinishedOnesStillOnTheProvider() {
        store.tasks.upsert(account.id(), List.of(task("q", TaskStatus.QUEUED, 0).build(),
                task("r", TaskStatus.RUNNING, 1).build(), task("s", TaskStatus.SUCCEEDED, 2).build(),
                task("lost", TaskStatus.RUNNING, 3).build()));
        store.tasks.markGoneFromProvider(account.id(), List.of("lost"));

        List<String> active = store.tasks.activeTasks(account.id()).stream().map(t -> t.task().providerTaskId()).toList();

        assertEquals(List.of("r", "q"), active);
    }

    @Test
    void thePollersQuestionFindsActiveTasksByStatusNotByWalkingTheAccount() {
        String plan = store.db.read("explain", c -> {
            try (var ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT t.id FROM tasks t"
                    + SqliteTaskStore.ACTIVE_TASKS + SqliteTaskStore.ACTIVE_TASKS_ORDER)) {
                ps.setLong(1, account.id());
                StringBuilder out = new StringBuilder();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString("detail")).append('\n');
                    }
                }
                return out.toString();
            }
        });
        assertTrue(plan.contains("(status=?"), plan);
        assertFalse(plan.contains("tasks_by_account"), plan);
    }

    @Test
    void theArchiversQuestionReadsTheIndexInOrderInsteadOfSortingEveryWaitingOutput() {
        for (SqliteTaskStore.ArchiveQueue group : SqliteTaskStore.ArchiveQueue.values()) {
            String plan = store.db.read("explain", c -> {
                try (var ps = c.prepareStatement("EXPLAIN QUERY PLAN " + group.sql())) {
                    ps.setString(1, "none");
                    ps.setLong(2, 0);
                    StringBuilder out = new StringBuilder();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.append(rs.getString("detail")).append('\n');
                        }
                    }
                    return out.toString();
                }
            });
            assertTrue(plan.contains("task_outputs_by_archive_state (archive_state=?"), group + ": " + plan);
            // A sort of the ties at equal expiry is cheap; a sort of every waiting output is what this avoids.
            assertFalse(plan.contains("TEMP B-TREE FOR ORDER BY"), group + ": " + plan);
        }
    }

    @Test
    void waitingAndPendingOutputsInterleaveByExpiryUpToTheLimit() {
        Task.Builder b = task("t", TaskStatus.SUCCEEDED, 0);
        int[] minutes = {50, 10, -30, 40, -10, 20};
        for (int i = 0; i < minutes.length; i++) {
            b.addOutput(new TaskOutput(i, "https://cdn/" + i + ".mp4", OutputKind.VIDEO,
                    START.plusSeconds(60L * minutes[i]), null, null, "video/mp4", false, ExpirySource.INFERRED, null));
        }
        b.addOutput(TaskOutput.video(6, "https://cdn/6.mp4"));
        b.addOutput(TaskOutput.video(7, "https://cdn/7.mp4"));
        store.tasks.upsert(account.id(), List.of(b.build()));
        for (StoredOutput o : store.tasks.find(account.id(), "t").orElseThrow().outputs()) {
            if (o.output().index() % 2 == 1) {
                store.tasks.updateArchive(o.id(), ArchiveState.PENDING, null, null, null, null, null);
            }
        }

        List<Integer> all = store.tasks.outputsAwaitingArchive(0).stream().map(o -> o.output().index()).toList();
        List<Integer> five = store.tasks.outputsAwaitingArchive(5).stream().map(o -> o.output().index()).toList();

        // Live: 10, 20, 40, 50 min left; then no expiry (6, 7); then passed 10 min ago, 30 min ago.
        assertEquals(List.of(1, 5, 3, 0, 6, 7, 4, 2), all);
        assertEquals(all.subList(0, 5), five);
    }

    @Test
    void providerTaskIdsAndNewestCreatedAtAreKeptPerAccount() {
        Account other = store.account("other");
        store.tasks.upsert(account.id(), List.of(task("a", TaskStatus.QUEUED, 5).build(),
                task("b", TaskStatus.QUEUED, 9).build(), Task.builder("c", TaskStatus.QUEUED).build()));
        store.tasks.upsert(other.id(), List.of(task("x", TaskStatus.QUEUED, 50).build()));

        assertEquals(List.of("a", "b", "c"), store.tasks.providerTaskIds(account.id()));
        assertEquals(START.plusSeconds(9 * 60), store.tasks.newestCreatedAt(account.id()).orElseThrow());
        assertTrue(store.tasks.newestCreatedAt(store.account("empty").id()).isEmpty());
    }

    @Test
    void removeFromHistoryDeletesTasksWithTheirOutputsAndEvents() {
        UpsertResult result = store.tasks.upsert(account.id(), List.of(
                task("t1", TaskStatus.SUCCEEDED, 0).addOutput(TaskOutput.video(0, "https://cdn/1.mp4")).build(),
                task("t2", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(0, "https://cdn/2.mp4")).build()));
        long removed = result.inserted().get(0);
        changes.clear();

        store.tasks.removeFromHistory(List.of(removed, 999_999L));

        assertTrue(store.tasks.byId(removed).isEmpty());
        assertEquals(List.of(), store.tasks.timeline(removed));
        assertEquals(List.of("https://cdn/2.mp4"),
                store.tasks.outputsAwaitingArchive(0).stream().map(o -> o.output().url()).toList());
        assertEquals(0, store.tasks.count(new TaskQuery(null, null, "t1", 0, 0, false)), "gone from search too");
        assertEquals(List.of(new TaskChange(Set.of(), Set.of(removed))), changes);
    }

    @Test
    void removingAnAccountRemovesItsTasksAndSaysSo() {
        Account other = store.account("other");
        long mine = store.tasks.upsert(account.id(), List.of(task("m", TaskStatus.QUEUED, 0).build())).inserted().get(0);
        long theirs = store.tasks.upsert(other.id(), List.of(task("o", TaskStatus.QUEUED, 0)
                .addOutput(TaskOutput.video(0, "https://cdn/o.mp4")).build())).inserted().get(0);
        changes.clear();

        store.accounts.remove(other.id());

        assertTrue(store.tasks.byId(theirs).isEmpty());
        assertTrue(store.tasks.byId(mine).isPresent());
        assertEquals(List.of(new TaskChange(Set.of(), Set.of(theirs))), changes);
        assertEquals(0, store.tasks.count(new TaskQuery(null, null, "o", 0, 0, false)));
    }

    @Test
    void countsByStatusCoverEveryStatusPerAccountOrAll() {
        Account other = store.account("other");
        store.tasks.upsert(account.id(), List.of(task("a", TaskStatus.QUEUED, 0).build(),
                task("b", TaskStatus.SUCCEEDED, 1).build(), task("c", TaskStatus.SUCCEEDED, 2).build()));
        store.tasks.upsert(other.id(), List.of(task("d", TaskStatus.FAILED, 0).build()));

        Map<TaskStatus, Integer> mine = store.tasks.countsByStatus(account.id());
        Map<TaskStatus, Integer> all = store.tasks.countsByStatus(null);

        assertEquals(TaskStatus.values().length, mine.size());
        assertEquals(1, mine.get(TaskStatus.QUEUED));
        assertEquals(2, mine.get(TaskStatus.SUCCEEDED));
        assertEquals(0, mine.get(TaskStatus.FAILED));
        assertEquals(1, all.get(TaskStatus.FAILED));
        assertEquals(4, all.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void queryIsNewestFirstAndFiltersByStatusAndAccount() {
        Account other = store.account("other");
        // A task without a provider time sorts by when Reelwatch first saw it: here minute 3.
        store.clock.set(StoreFixture.START.plusSeconds(60L * 3));
        store.tasks.upsert(account.id(), List.of(task("old", TaskStatus.SUCCEEDED, 0).build(),
                task("mid", TaskStatus.FAILED, 5).build(), task("new", TaskStatus.RUNNING, 10).build(),
                Task.builder("undated", TaskStatus.SUCCEEDED).build()));
        store.tasks.upsert(other.id(), List.of(task("elsewhere", TaskStatus.SUCCEEDED, 7).build()));

        assertEquals(List.of("new", "elsewhere", "mid", "undated", "old"), ids(TaskQuery.all()));
        assertEquals(List.of("elsewhere", "undated", "old"),
                ids(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), null, null, 0, 0, false)));
        assertEquals(List.of("new", "mid"),
                ids(new TaskQuery(Set.of(TaskStatus.RUNNING, TaskStatus.FAILED), account.id(), null, 0, 0, false)));
        assertEquals(List.of("undated", "old"),
                ids(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), account.id(), "", 0, 0, false)));
        assertEquals(List.of("elsewhere", "mid"), ids(new TaskQuery(null, null, null, 2, 1, false)));
        assertEquals(2, store.tasks.count(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), account.id(), null, 1, 0, false)));
    }

    @Test
    void rawJsonIsLeftOutOfListingsUnlessAskedFor() {
        store.tasks.upsert(account.id(), List.of(task("t", TaskStatus.QUEUED, 0).rawJson("{\"big\":true}").build()));

        assertEquals("{}", store.tasks.query(TaskQuery.all()).get(0).task().rawJson());
        assertEquals("{\"big\":true}",
                store.tasks.query(new TaskQuery(null, null, null, 0, 0, true)).get(0).task().rawJson());
        assertEquals("{\"big\":true}", store.tasks.find(account.id(), "t").orElseThrow().task().rawJson());
    }

    @Test
    void listingsCarryEachTasksOwnOutputsInOrder() {
        store.tasks.upsert(account.id(), List.of(
                task("two", TaskStatus.SUCCEEDED, 1).addOutput(TaskOutput.video(1, "https://cdn/two-b.mp4"))
                        .addOutput(TaskOutput.video(0, "https://cdn/two-a.mp4")).build(),
                task("none", TaskStatus.RUNNING, 2).build(),
                task("one", TaskStatus.SUCCEEDED, 3).addOutput(TaskOutput.video(0, "https://cdn/one.mp4")).build()));

        List<StoredTask> all = store.tasks.query(TaskQuery.all());

        assertEquals(List.of("https://cdn/one.mp4"), urls(all.get(0)));
        assertEquals(List.of(), urls(all.get(1)));
        assertEquals(List.of("https://cdn/two-a.mp4", "https://cdn/two-b.mp4"), urls(all.get(2)));
        assertEquals(urls(all.get(2)), all.get(2).task().outputs().stream().map(TaskOutput::url).toList());
    }

    private static TaskOutput expiring(String name, long seconds) {
        return new TaskOutput(0, "https://cdn/" + name + ".mp4", OutputKind.VIDEO, START.plusSeconds(seconds), null,
                null, "video/mp4", false);
    }

    private static List<String> urls(StoredTask task) {
        return task.outputs().stream().map(o -> o.output().url()).toList();
    }

    private List<String> ids(TaskQuery query) {
        return store.tasks.query(query).stream().map(t -> t.task().providerTaskId()).toList();
    }
}
