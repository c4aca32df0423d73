package dev.reelwatch.ui.bulk;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ExportFailure;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.sync.SyncPause;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.AnsweringDialogs;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk actions over a real SQLite cache, run inline: one summary per batch, skips with reasons, undo. */
class BulkActionsViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private RecordingSyncService sync;
    private AnsweringDialogs dialogs;
    private final List<Long> deleted = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private BulkActionsViewModel vm;
    private Account studio;
    private Account desk;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("studio", ProviderKind.MESHAPI, false);
        desk = cache.addAccount("desk", ProviderKind.MONEYPRINTERTURBO, false);
        sync = new RecordingSyncService();
        dialogs = new AnsweringDialogs();
        VideoExporter exporter = new VideoExporter(cache.tasks, id -> cache.tasks.byId(id).orElseThrow());
        vm = new BulkActionsViewModel(cache.tasks, cache.accounts, cache.settings, sync, exporter,
                () -> new ExportNaming(ExportNaming.DEFAULT_TEMPLATE, ZoneOffset.UTC), deleted::add, dialogs,
                TaskExecutor.direct((what, e) -> problems.add(what + ": " + e)));
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    private List<Long> put(Account account, String prefix, int n, TaskStatus status) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Task.builder(prefix + i, status).accountId(account.id()).prompt("prompt " + i)
                    .createdAt(NOW.minusSeconds(60L * i)).build());
        }
        cache.tasks.upsert(account.id(), tasks);
        return cache.tasks.summaries(new TaskQuery(java.util.Set.of(), account.id(), null, 0, 0, false)).stream()
                .filter(t -> t.providerTaskId().startsWith(prefix)).map(TaskSummary::id).toList();
    }

    @Test
    void removingAThousandTasksEndsInOneSummaryAndUndoBringsThemAllBack() {
        List<Long> ids = put(studio, "t-", 1000, TaskStatus.SUCCEEDED);
        cache.tasks.setStarred(ids.get(3), true);
        cache.tasks.addTag(ids.get(3), "hero");
        List<BulkSummary> summaries = new ArrayList<>();
        vm.summaryProperty().addListener((o, was, now) -> {
            if (now != null) {
                summaries.add(now);
            }
        });

        vm.run(BulkAction.REMOVE_FROM_HISTORY, ids);

        assertEquals(1, summaries.size(), "one summary for the whole batch");
        assertEquals("1,000 removed from history", summaries.get(0).text());
        assertEquals(0, cache.tasks.count(TaskQuery.all()));
        assertEquals(1, dialogs.asked.size(), "asked once for the batch");
        assertTrue(vm.undoAvailableProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());

        vm.undo();

        assertEquals(1000, cache.tasks.count(TaskQuery.all()));
        StoredTask hero = cache.tasks.byId(ids.get(3)).orElseThrow();
        assertTrue(hero.starred());
        assertEquals(List.of("hero"), hero.tags());
        assertFalse(vm.undoAvailableProperty().get());
        assertEquals("Undone: 1,000 tasks are back in the history", vm.undoneTextProperty().get());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void undoIsOfferedOnlyUntilItExpires() {
        List<Long> ids = put(studio, "t-", 5, TaskStatus.SUCCEEDED);
        vm.run(BulkAction.REMOVE_FROM_HISTORY, ids);
        vm.expireUndo();
        vm.undo();
        assertEquals(0, cache.tasks.count(TaskQuery.all()));
    }

    @Test
    void unstarSkipsTasksWithoutAStarAndCanBeUndone() {
        List<Long> ids = put(studio, "t-", 10, TaskStatus.SUCCEEDED);
        ids.subList(0, 7).forEach(id -> cache.tasks.setStarred(id, true));

        vm.run(BulkAction.UNSTAR, ids);

        BulkSummary s = vm.summaryProperty().get();
        assertEquals("7 unstarred · 3 skipped: not starred", s.text());
        assertEquals(3, s.detailLines().size());
        assertTrue(s.detailLines().get(0).startsWith("Skipped · t-"), s.detailLines().toString());
        assertEquals(0, cache.tasks.count(new TaskQuery(java.util.Set.of(), null, null, 0, 0, false, true, null)));

        vm.undo();
        assertEquals(7, cache.tasks.count(new TaskQuery(java.util.Set.of(), null, null, 0, 0, false, true, null)));
    }

    @Test
    void removeTagAsksForTheTagAndUndoPutsItBack() {
        List<Long> ids = put(studio, "t-", 4, TaskStatus.SUCCEEDED);
        ids.subList(0, 3).forEach(id -> cache.tasks.addTag(id, "draft"));
        dialogs.textAnswer = "Draft";

        vm.run(BulkAction.REMOVE_TAG, ids);

        assertEquals("3 untagged · 1 skipped: not tagged", vm.summaryProperty().get().text());
        assertTrue(cache.tasks.tagsWithCounts().isEmpty());
        vm.undo();
        assertEquals(3, cache.tasks.tagsWithCounts().get("draft"));
    }

    @Test
    void nothingHappensWhenTheUserCancelsTheQuestion() {
        List<Long> ids = put(studio, "t-", 4, TaskStatus.SUCCEEDED);
        dialogs.textAnswer = null;
        vm.run(BulkAction.ADD_TAG, ids);
        assertNull(vm.summaryProperty().get());
        assertTrue(cache.tasks.tagsWithCounts().isEmpty());
    }

    @Test
    void deleteOnServerAsksOnceNamingWhatGoesAndSkipsRunningAndUnsupportedTasks() {
        List<Long> done = put(desk, "d-", 3, TaskStatus.SUCCEEDED);
        List<Long> running = put(desk, "r-", 2, TaskStatus.RUNNING);
        List<Long> mesh = put(studio, "m-", 1, TaskStatus.SUCCEEDED);
        List<Long> all = new ArrayList<>(done);
        all.addAll(running);
        all.addAll(mesh);

        vm.run(BulkAction.DELETE_ON_SERVER, all);

        assertEquals(1, dialogs.asked.size());
        AnsweringDialogs.Asked asked = dialogs.asked.get(0);
        assertTrue(asked.message().contains("these 3 tasks"), asked.message());
        assertTrue(asked.message().contains("3 others are skipped"), asked.message());
        for (String id : List.of("d-0", "d-1", "d-2")) {
            assertTrue(asked.details().contains("• " + id + " (desk)"), asked.details());
        }
        assertFalse(asked.details().contains("r-0"), "a running task is not named as going");
        assertEquals(done.stream().sorted().toList(), deleted.stream().sorted().toList());
        assertEquals("3 deleted on the server · 2 skipped: still running · 1 skipped: MeshAPI cannot delete tasks",
                vm.summaryProperty().get().text());
        assertEquals(3, sync.calls.stream().filter(c -> c.startsWith("refreshTask")).count());
    }

    @Test
    void deleteOnServerDoesNothingWhenNotConfirmed() {
        List<Long> done = put(desk, "d-", 2, TaskStatus.SUCCEEDED);
        dialogs.confirmAnswer = false;
        vm.run(BulkAction.DELETE_ON_SERVER, done);
        assertTrue(deleted.isEmpty());
        assertNull(vm.summaryProperty().get());
    }

    @Test
    void refreshSkipsPausedAccountsAndEverythingWhileAllSyncingIsPaused() {
        List<Long> mesh = put(studio, "m-", 3, TaskStatus.RUNNING);
        List<Long> mpt = put(desk, "d-", 2, TaskStatus.RUNNING);
        cache.accounts.setPaused(desk.id(), true);
        List<Long> all = new ArrayList<>(mesh);
        all.addAll(mpt);

        vm.run(BulkAction.REFRESH, all);
        assertEquals("3 queued for refresh · 2 skipped: account paused", vm.summaryProperty().get().text());

        new SyncPause(cache.settings).setAllPaused(true);
        vm.run(BulkAction.REFRESH, all);
        assertEquals("0 queued for refresh · 5 skipped: all syncing paused", vm.summaryProperty().get().text());
    }

    @Test
    void exportWritesArchivedVideosAndSaysWhichWereSkippedAndWhy() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Long> ok = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StoredTask t = cache.put(Task.builder("ok-" + i, TaskStatus.SUCCEEDED).accountId(studio.id())
                    .prompt("clip " + i).createdAt(NOW.minusSeconds(i))
                    .addOutput(TaskOutput.video(0, "https://cdn.example/ok" + i + ".mp4")).build());
            Path file = Files.writeString(library.resolve("ok" + i + ".mp4"), "video " + i);
            cache.tasks.updateArchive(t.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(),
                    Files.size(file), null, null, null);
            ok.add(t.id());
        }
        StoredTask expired = cache.put(Task.builder("old", TaskStatus.SUCCEEDED).accountId(studio.id())
                .createdAt(NOW.minusSeconds(100)).addOutput(TaskOutput.video(0, "https://cdn.example/old.mp4")).build());
        cache.tasks.updateArchive(expired.outputs().get(0).id(), ArchiveState.LINK_EXPIRED, null, null, null, null,
                null);
        long running = put(studio, "run-", 1, TaskStatus.RUNNING).get(0);
        List<Long> all = new ArrayList<>(ok);
        all.add(expired.id());
        all.add(running);
        dialogs.folderAnswer = out;

        vm.run(BulkAction.EXPORT, all);

        assertEquals("3 exported · 1 skipped: not finished yet · 1 skipped: link expired",
                vm.summaryProperty().get().text());
        try (var files = Files.list(out)) {
            assertEquals(3, files.count());
        }
        assertTrue(vm.summaryProperty().get().detailLines().stream().anyMatch(l -> l.contains("expired")));
        assertEquals(out.toAbsolutePath().toString(), cache.settings.get("export.lastFolder").orElseThrow());
    }

    @Test
    void anInvalidDatePatternInTheStoredNameTemplateIsToldOnceBeforeAFolderIsAsked() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        StoredTask t = cache.put(Task.builder("ok", TaskStatus.SUCCEEDED).accountId(studio.id()).createdAt(NOW)
                .addOutput(TaskOutput.video(0, "https://cdn.example/ok.mp4")).build());
        Path file = Files.writeString(dir.resolve("ok.mp4"), "video");
        cache.tasks.updateArchive(t.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(), Files.size(file),
                null, null, null);
        cache.settings.put(ExportNaming.SETTING, "{created:bb}_{id}.mp4");
        // As the app builds it: the naming is read from the stored template for each batch.
        BulkActionsViewModel fromSettings = new BulkActionsViewModel(cache.tasks, cache.accounts, cache.settings,
                sync, new VideoExporter(cache.tasks, id -> cache.tasks.byId(id).orElseThrow()),
                () -> new ExportNaming(cache.settings.get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE),
                        ZoneOffset.UTC), deleted::add, dialogs,
                TaskExecutor.direct((what, e) -> problems.add(what + ": " + e)));
        dialogs.folderAnswer = out;

        fromSettings.run(BulkAction.EXPORT, List.of(t.id()));

        assertEquals(1, dialogs.asked.size(), "no folder was asked for: " + dialogs.asked);
        AnsweringDialogs.Asked error = dialogs.asked.get(0);
        assertEquals("error", error.kind());
        assertTrue(error.message().startsWith("The date pattern in {created:bb}"), error.message());
        assertFalse(fromSettings.runningProperty().get());
        assertTrue(problems.isEmpty(), problems.toString());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void exportTroubleIsSortedIntoPlainReasons() {
        assertEquals("disk full", BulkActionsViewModel.exportProblem(1, "t", new ExportFailure(
                "Copying to /mnt/out/a.mp4 failed: No space left on device")).reason());
        assertEquals(BulkOutcome.Result.FAILED, BulkActionsViewModel.exportProblem(1, "t", new ExportFailure(
                "Copying to /mnt/out/a.mp4 failed: No space left on device")).result());
        assertEquals("link expired", BulkActionsViewModel.exportProblem(1, "t", new ExportFailure(
                "The video of x cannot be had: its link expired before it could be archived")).reason());
        BulkSummary s = BulkSummary.of(BulkAction.EXPORT, List.of(
                BulkOutcome.done(1, "a"), BulkOutcome.done(2, "b"),
                BulkOutcome.skipped(3, "c", "link expired"), BulkOutcome.skipped(4, "d", "link expired"),
                BulkOutcome.failed(5, "e", "disk full", "No space left on device")), false, 0);
        assertEquals("2 exported · 2 skipped: link expired · 1 failed: disk full", s.text());
        assertEquals("Failed · e: No space left on device", s.detailLines().get(2));
    }
}
