package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskListViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private AdjustableClock clock;
    private TestCache cache;
    private RecordingSyncService sync;
    private TaskListViewModel vm;
    private Account mesh;
    private Account mpt;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        sync = new RecordingSyncService();
        mesh = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        mpt = cache.addAccount("Home server", ProviderKind.MONEYPRINTERTURBO, false);
        cache.put(TestCache.task(mesh, "mesh-1", TaskStatus.RUNNING, "A paper boat drifting\nsecond line", "veo-3",
                NOW.minusSeconds(60)));
        cache.put(TestCache.task(mesh, "mesh-2", TaskStatus.SUCCEEDED, "Aerial shot over a fjord", "kling-2.1",
                NOW.minus(Duration.ofDays(3))));
        cache.put(TestCache.task(mpt, "mpt-1", TaskStatus.FAILED, "Robot barista pouring latte art", "mpt-local",
                NOW.minus(Duration.ofDays(10))));
        cache.put(TestCache.task(mpt, "mpt-2", TaskStatus.EXPIRED, "A lighthouse in a storm", "mpt-local",
                NOW.minus(Duration.ofDays(40))));
        vm = newViewModel();
        vm.reload();
    }

    private TaskListViewModel newViewModel() {
        return new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.direct()), sync,
                new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(), UiThread.direct(),
                new RelativeTime(clock));
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    @Test
    void aClosedListIgnoresStoreChangesStillQueuedForItsWindow() {
        List<Runnable> uiQueue = new ArrayList<>();
        ExecutorService background = Executors.newSingleThreadExecutor();
        StoreChangeRelay relay = new StoreChangeRelay(cache.tasks, uiQueue::add);
        TaskListViewModel closing = new TaskListViewModel(cache.tasks, relay, sync,
                new SettingsWriter(cache.settings, UiThread.direct()), background, UiThread.direct(),
                new RelativeTime(clock));
        cache.put(TestCache.task(mesh, "mesh-3", TaskStatus.QUEUED, "A late arrival", "veo-3", NOW));
        assertEquals(1, uiQueue.size(), "the change waits for the UI thread");

        // The app closes its window, then stops the executor the list reads with.
        closing.close();
        relay.close();
        background.shutdownNow();
        // Delivered now, the change would be handed to the stopped executor (RejectedExecutionException).
        uiQueue.forEach(Runnable::run);
        assertTrue(closing.allRows().isEmpty(), "nothing was read for a closed window");
    }

    private List<String> visibleIds() {
        List<String> ids = new ArrayList<>();
        vm.visibleRows().stream().map(TaskRow::providerTaskId).sorted().forEach(ids::add);
        return ids;
    }

    @Test
    void loadsEveryCachedTaskWithLiveGroupCounts() {
        assertTrue(vm.loadedProperty().get());
        assertEquals(4, vm.totalCountProperty().get());
        assertEquals(1, vm.countProperty(StatusGroup.RUNNING).get());
        assertEquals(1, vm.countProperty(StatusGroup.SUCCEEDED).get());
        assertEquals(1, vm.countProperty(StatusGroup.FAILED).get());
        assertEquals(1, vm.countProperty(StatusGroup.ENDED).get());
        assertEquals(2, vm.accountCounts().get(mpt.id()));
        assertEquals(List.of("kling-2.1", "mpt-local", "veo-3"), vm.models());
    }

    @Test
    void searchMatchesEveryWordInIdsPromptsAndModelsIgnoringCase() {
        vm.searchTextProperty().set("PAPER boat");
        assertEquals(List.of("mesh-1"), visibleIds());
        vm.searchTextProperty().set("mpt-");
        assertEquals(List.of("mpt-1", "mpt-2"), visibleIds());
        vm.searchTextProperty().set("kling");
        assertEquals(List.of("mesh-2"), visibleIds());
        vm.searchTextProperty().set("paper lighthouse");
        assertEquals(List.of(), visibleIds());
        assertEquals(0, vm.visibleCountProperty().get());
    }

    @Test
    void statusSourceModelAndDateFiltersCombineAndClearTogether() {
        vm.showStatuses(Set.of(TaskStatus.FAILED, TaskStatus.EXPIRED));
        assertEquals(List.of("mpt-1", "mpt-2"), visibleIds());
        vm.dateRangeProperty().set(DateRange.LAST_30_DAYS);
        assertEquals(List.of("mpt-1"), visibleIds());
        vm.clearFilters();
        vm.sourceProperty().set(SourceFilter.account(mesh.id(), mesh.name()));
        assertEquals(List.of("mesh-1", "mesh-2"), visibleIds());
        vm.sourceProperty().set(SourceFilter.provider(ProviderKind.MONEYPRINTERTURBO));
        vm.modelProperty().set("mpt-local");
        assertEquals(List.of("mpt-1", "mpt-2"), visibleIds());
        vm.clearFilters();
        vm.dateRangeProperty().set(DateRange.CUSTOM);
        vm.customFromProperty().set(LocalDate.of(2025, 3, 1));
        vm.customToProperty().set(LocalDate.of(2025, 3, 7));
        assertEquals(List.of("mesh-2"), visibleIds());
        vm.dateRangeProperty().set(DateRange.TODAY);
        assertEquals(List.of("mesh-1"), visibleIds());
        vm.clearFilters();
        assertTrue(vm.filterProperty().get().isEmpty());
        assertEquals(4, vm.visibleCountProperty().get());
    }

    @Test
    void sortedRowsFollowTheComparatorTheTableSets() {
        vm.comparatorProperty().set(Comparator.comparing(TaskRow::promptFirstLine));
        assertEquals("A lighthouse in a storm", vm.visibleRows().get(0).promptFirstLine());
        assertEquals("Robot barista pouring latte art", vm.visibleRows().get(3).promptFirstLine());
    }

    @Test
    void storeUpdatesReplaceRowsAndReportStatusTransitionsOfKnownTasksOnly() {
        List<StatusTransition> seen = new ArrayList<>();
        vm.addTransitionListener(seen::addAll);
        Task done = cache.tasks.find(mesh.id(), "mesh-1").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).providerStatus(null).progress(100).build();
        cache.put(done);
        cache.put(TestCache.task(mesh, "mesh-3", TaskStatus.SUCCEEDED, "Brand new", "veo-3", NOW));

        assertEquals(1, seen.size());
        assertEquals(TaskStatus.RUNNING, seen.get(0).before().status());
        assertEquals(TaskStatus.SUCCEEDED, seen.get(0).after().status());
        assertEquals(5, vm.totalCountProperty().get());
        assertEquals(0, vm.countProperty(StatusGroup.RUNNING).get());
        assertEquals(3, vm.countProperty(StatusGroup.SUCCEEDED).get());
    }

    @Test
    void aLargeSyncPageArrivesWholeNewestFirstWithExactCounts() {
        List<Task> page = new ArrayList<>();
        int n = 1007;
        for (int i = 0; i < n; i++) {
            page.add(TestCache.task(mesh, "burst-" + i, i % 2 == 0 ? TaskStatus.RUNNING : TaskStatus.SUCCEEDED,
                    "Burst " + i, i % 3 == 0 ? "burst-model" : "veo-3", NOW.plusSeconds(i)));
        }
        cache.tasks.upsert(mesh.id(), page);

        assertEquals(4 + n, vm.totalCountProperty().get());
        assertEquals(4 + n, vm.visibleRows().size());
        assertEquals(2 + n, vm.accountCounts().get(mesh.id()));
        assertEquals(1 + (n + 1) / 2, vm.countProperty(StatusGroup.RUNNING).get());
        assertEquals(1 + n / 2, vm.countProperty(StatusGroup.SUCCEEDED).get());
        assertTrue(vm.models().contains("burst-model"));
        List<String> top = vm.allRows().subList(0, 3).stream().map(TaskRow::providerTaskId).toList();
        assertEquals(List.of("burst-" + (n - 1), "burst-" + (n - 2), "burst-" + (n - 3)), top);
    }

    private long idOf(String providerTaskId) {
        return vm.allRows().stream().filter(r -> r.providerTaskId().equals(providerTaskId)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void theVisibleRowsRefuseChangesFromTheirViewers() {
        List<TaskRow> rows = vm.visibleRows();
        assertTrue(!rows.isEmpty());
        TaskRow first = rows.get(0);
        int size = rows.size();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> rows.add(first));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> rows.remove(0));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> rows.set(0, first));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, rows::clear);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> vm.visibleRows().setAll(List.of(first)));
        assertEquals(size, rows.size());
    }

    @Test
    void aStorePageOfInsertsAndUpdatesIsOneListChange() {
        List<javafx.collections.ListChangeListener.Change<? extends TaskRow>> all = new ArrayList<>();
        List<Object> visible = new ArrayList<>();
        vm.allRows().addListener((javafx.collections.ListChangeListener<TaskRow>) all::add);
        vm.visibleRows().addListener((javafx.collections.ListChangeListener<TaskRow>) visible::add);
        List<Task> page = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            page.add(TestCache.task(mesh, "page-" + i, TaskStatus.RUNNING, "Page " + i, "veo-3",
                    NOW.minusSeconds(i * 3600L)));
        }
        page.add(cache.tasks.find(mesh.id(), "mesh-2").orElseThrow().task().toBuilder().progress(50).build());
        page.add(cache.tasks.find(mpt.id(), "mpt-1").orElseThrow().task().toBuilder().prompt("Renamed").build());
        cache.tasks.upsert(mesh.id(), page.subList(0, 101));

        assertEquals(1, all.size(), "one change for the whole page");
        assertEquals(1, visible.size(), "the filter passes it on as one change");
        assertEquals(104, vm.allRows().size());
        List<TaskRow> ordered = new ArrayList<>(vm.allRows());
        ordered.sort(Comparator.comparing(TaskRow::createdAt).reversed());
        assertEquals(ordered, vm.allRows(), "inserted in order (newest first)");
    }

    @Test
    void pagesThatComeDuringThePauseAfterAnAppliedPageReachTheListTogetherWhenItEnds() {
        List<Runnable> pauses = new ArrayList<>();
        vm.rows().paceChanges(pauses::add);
        List<Object> changes = new ArrayList<>();
        vm.visibleRows().addListener((javafx.collections.ListChangeListener<TaskRow>) changes::add);

        cache.put(TestCache.task(mesh, "p-1", TaskStatus.RUNNING, "First page", "veo-3", NOW));
        assertEquals(1, changes.size(), "a change in a quiet moment shows at once");
        assertEquals(5, vm.allRows().size());
        for (int page = 2; page <= 4; page++) {
            cache.put(TestCache.task(mesh, "p-" + page, TaskStatus.RUNNING, "Page " + page, "veo-3",
                    NOW.minusSeconds(page)));
        }
        assertEquals(1, changes.size(), "three pages during the pause wait for it");
        assertEquals(5, vm.allRows().size());

        pauses.remove(0).run();
        assertEquals(2, changes.size(), "one list change for the three");
        assertEquals(8, vm.allRows().size());
        pauses.remove(0).run();
        assertTrue(pauses.isEmpty());
        cache.put(TestCache.task(mesh, "p-5", TaskStatus.RUNNING, "Later", "veo-3", NOW));
        assertEquals(3, changes.size(), "quiet again: at once");
        assertEquals(9, vm.allRows().size());
    }

    @Test
    void rowsWithEqualSortKeysKeepTheirOrderWhenOneIsStarredOrUpdated() {
        List<Task> same = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            same.add(TestCache.task(mesh, "tie-" + i, TaskStatus.SUCCEEDED, "Tie " + i, "veo-3", NOW));
        }
        cache.tasks.upsert(mesh.id(), same);
        vm.comparatorProperty().set(Comparator.comparing(TaskRow::status));
        List<Long> before = vm.visibleRows().stream().map(TaskRow::id).toList();
        long third = before.get(2);

        vm.setStarred(List.of(third), true);
        cache.put(cache.tasks.find(mesh.id(), "tie-7").orElseThrow().task().toBuilder().progress(99).build());

        assertTrue(vm.row(third).orElseThrow().starred());
        assertEquals(before, vm.visibleRows().stream().map(TaskRow::id).toList(), "nobody moved");
        assertEquals(third, vm.visibleRows().get(2).id());
    }

    @Test
    void aSelectedTaskThatStopsMatchingTheFilterStaysUntilTheUserMovesOn() {
        long boat = idOf("mesh-1");
        vm.showStatuses(Set.of(TaskStatus.RUNNING));
        vm.selectionChanged(List.of(boat));
        assertEquals(List.of("mesh-1"), visibleIds());

        cache.put(cache.tasks.find(mesh.id(), "mesh-1").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).progress(100).build());

        assertEquals(TaskStatus.SUCCEEDED, vm.visibleRows().get(0).status(), "still shown, now succeeded");
        assertEquals(List.of(boat), vm.selectedIds());
        assertEquals(boat, vm.selectedTaskIdProperty().get());
        assertTrue(vm.isPinned(boat));

        vm.selectionChanged(List.of());
        assertEquals(List.of(), visibleIds(), "gone once the user moved on");
        assertFalse(vm.isPinned(boat));
    }

    @Test
    void theSameFilterSetAgainKeepsTheStayingSelectionAndDoesNotRefilter() {
        long boat = idOf("mesh-1");
        vm.showStatuses(Set.of(TaskStatus.RUNNING));
        vm.selectionChanged(List.of(boat));
        cache.put(cache.tasks.find(mesh.id(), "mesh-1").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).progress(100).build());
        assertTrue(vm.isPinned(boat));
        int[] refilters = {0};
        vm.addRefilterListener(new LiveTaskRows.ChangeListener() {
            @Override
            public void beforeChange(List<TaskRow[]> changed) {
                refilters[0]++;
            }
        });

        // What the filter bar does when an account's health changes and it rebuilds its choices.
        SourceFilter source = vm.sourceProperty().get();
        vm.sourceProperty().set(null);
        vm.sourceProperty().set(source);
        vm.modelProperty().set(vm.modelProperty().get());

        assertEquals(0, refilters[0]);
        assertTrue(vm.isPinned(boat), "the succeeded task stays until the user moves on");
        assertEquals(List.of("mesh-1"), visibleIds());
    }

    @Test
    void removingFromHistoryDropsTheRowsAndTheirSelection() {
        long failed = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mpt-1")).findFirst()
                .orElseThrow().id();
        long other = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mesh-1")).findFirst()
                .orElseThrow().id();
        vm.selectionChanged(List.of(other, failed));
        assertEquals(failed, vm.selectedTaskIdProperty().get());

        vm.removeFromHistory(List.of(failed));

        assertEquals(3, vm.totalCountProperty().get());
        assertTrue(cache.tasks.byId(failed).isEmpty());
        assertEquals(List.of(other), vm.restoreSelectionProperty().get());
        assertEquals(1, vm.accountCounts().get(mpt.id()));
    }

    @Test
    void commandsGoToTheSyncServiceAndServerDeleterInTheBackground() throws Exception {
        long mptTask = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mpt-1")).findFirst()
                .orElseThrow().id();
        long meshTask = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mesh-1")).findFirst()
                .orElseThrow().id();
        vm.refreshTasks(List.of(meshTask));
        assertEquals(List.of("refreshTask " + meshTask), sync.calls);

        assertTrue(vm.canDeleteOnServer(List.of(mptTask)));
        assertFalse(vm.canDeleteOnServer(List.of(mptTask, meshTask)));
        List<Long> deleted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        vm.addProblemListener(problems::add);
        vm.deleteOnServer(List.of(mptTask), deleted::add);
        assertEquals(List.of(mptTask), deleted);
        vm.deleteOnServer(List.of(mptTask), id -> {
            throw new IllegalStateException("Server answered 500");
        });
        assertEquals(List.of("Server answered 500"), problems);
        assertEquals("mesh-1\nmpt-1", vm.idsText(List.of(meshTask, mptTask)));
    }

    @Test
    void aMoneyPrinterTaskStillRunningIsNotOfferedForDeletionOnTheServer() {
        cache.put(TestCache.task(mpt, "mpt-3", TaskStatus.RUNNING, "Still rendering", "mpt-local", NOW));
        vm.reload();
        long running = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mpt-3")).findFirst()
                .orElseThrow().id();
        long failed = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mpt-1")).findFirst()
                .orElseThrow().id();

        assertFalse(vm.canDeleteOnServer(List.of(running)), "MoneyPrinterTurbo refuses it with 409 anyway");
        assertFalse(vm.canDeleteOnServer(List.of(running, failed)));
        assertTrue(vm.canDeleteOnServer(List.of(failed)));
        cache.put(TestCache.task(mpt, "mpt-4", TaskStatus.QUEUED, "Waiting its turn", "mpt-local", NOW));
        vm.reload();
        long queued = vm.allRows().stream().filter(r -> r.providerTaskId().equals("mpt-4")).findFirst()
                .orElseThrow().id();
        assertTrue(vm.canDeleteOnServer(List.of(queued)), "the server deletes a task not yet started");
    }

    @Test
    void columnLayoutIsRememberedBetweenRuns() {
        ColumnLayout layout = new ColumnLayout(
                List.of(new ColumnLayout.Column("prompt", 412, true), new ColumnLayout.Column("status", 90, false)),
                List.of(new ColumnLayout.SortKey("model", true)));
        vm.saveColumnLayout(layout);
        assertEquals(layout, newViewModel().savedColumnLayout().orElseThrow());
    }

    @Test
    void aDamagedStoredLayoutFallsBackToTheDefaults() {
        cache.settings.put(TaskListViewModel.COLUMNS_KEY, "prompt:wide");
        assertTrue(newViewModel().savedColumnLayout().isEmpty());
    }
}
