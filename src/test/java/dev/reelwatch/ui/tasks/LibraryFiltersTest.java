package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.sidebar.SidebarSelection;
import dev.reelwatch.ui.sidebar.SidebarViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The task list and sidebar narrowed by the library's marks: starred, one tag; counts follow the cache. */
class LibraryFiltersTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private TaskListViewModel tasks;
    private SidebarViewModel sidebar;
    private long boat;
    private long fjord;
    private long corgi;

    @BeforeEach
    void setUp() {
        AdjustableClock clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        RecordingSyncService sync = new RecordingSyncService();
        Account studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        boat = cache.put(TestCache.task(studio, "boat", TaskStatus.RUNNING, "A paper boat", "veo-3",
                NOW.minusSeconds(60))).id();
        fjord = cache.put(TestCache.task(studio, "fjord", TaskStatus.SUCCEEDED, "Aerial fjord", "veo-3",
                NOW.minusSeconds(600))).id();
        corgi = cache.put(TestCache.task(studio, "corgi", TaskStatus.FAILED, "Corgi astronaut", "kling",
                NOW.minusSeconds(6000))).id();
        tasks = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.direct()), sync,
                new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(), UiThread.direct(),
                new RelativeTime(clock));
        sidebar = new SidebarViewModel(tasks, new LiveAccounts(cache.accounts, sync, UiThread.direct(),
                UiThread.direct()));
        tasks.reload();
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    @Test
    void starringFromTheListIsStoredCountedAndFilterable() {
        tasks.toggleStar(List.of(fjord, corgi));
        assertEquals(2, tasks.starredCountProperty().get());
        assertEquals(true, cache.tasks.byId(fjord).orElseThrow().starred());

        sidebar.selectionProperty().set(SidebarSelection.STARRED);
        assertEquals(List.of("fjord", "corgi"), visible());

        tasks.toggleStar(List.of(fjord, corgi));
        assertEquals(0, tasks.starredCountProperty().get(), "all were starred, so the toggle takes the stars away");
        assertEquals(List.of(), visible());
    }

    @Test
    void tagsAreCountedAndEachTagIsASidebarLine() {
        tasks.addTag(List.of(boat, fjord), " Client ");
        tasks.addTag(List.of(fjord), "winter");

        assertEquals(List.of(new TagCount("client", 2), new TagCount("winter", 1)), List.copyOf(sidebar.tagItems()));
        sidebar.selectionProperty().set(SidebarSelection.tag("client"));
        assertEquals(List.of("boat", "fjord"), visible());
        assertEquals("client", tasks.filterProperty().get().tag());

        tasks.removeTag(List.of(boat), "client");
        assertEquals(List.of("fjord"), visible());
        assertEquals(List.of(new TagCount("client", 1), new TagCount("winter", 1)), List.copyOf(sidebar.tagItems()));
    }

    @Test
    void otherSidebarLinesClearTheLibraryFilterAndTheSelectionFollowsTheFilter() {
        tasks.toggleStar(List.of(fjord));
        sidebar.selectionProperty().set(SidebarSelection.STARRED);
        sidebar.selectionProperty().set(SidebarSelection.ALL);
        assertEquals(3, visible().size());
        assertNull(tasks.filterProperty().get().tag());

        tasks.showLibrary(true, null);
        assertEquals(SidebarSelection.STARRED, sidebar.selectionProperty().get(), "narrowed elsewhere, line follows");
        tasks.clearFilters();
        assertEquals(SidebarSelection.ALL, sidebar.selectionProperty().get());
    }

    @Test
    void searchFindsNotesAndTagsInTheLoadedRows() {
        cache.tasks.setNote(corgi, "Reshoot with a husky");
        cache.tasks.addTag(boat, "portfolio");

        tasks.searchTextProperty().set("husky");
        assertEquals(List.of("corgi"), visible());
        tasks.searchTextProperty().set("portf");
        assertEquals(List.of("boat"), visible());
    }

    private List<String> visible() {
        return tasks.visibleRows().stream().map(TaskRow::providerTaskId).toList();
    }
}
