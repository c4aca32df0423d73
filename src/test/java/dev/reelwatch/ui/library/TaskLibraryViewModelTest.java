package dev.reelwatch.ui.library;

import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane's star, tags and note of the selected task, over a real cache. */
class TaskLibraryViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private TaskLibraryViewModel vm;
    private long fjord;
    private long corgi;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        Account studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        fjord = cache.put(TestCache.task(studio, "fjord", TaskStatus.SUCCEEDED, "Aerial fjord", "veo-3", NOW)).id();
        corgi = cache.put(TestCache.task(studio, "corgi", TaskStatus.FAILED, "Corgi", "kling", NOW)).id();
        cache.tasks.addTag(corgi, "pets");
        vm = new TaskLibraryViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.direct()),
                TestExecutors.direct());
    }

    @AfterEach
    void tearDown() {
        vm.close();
        cache.close();
    }

    @Test
    void showsNothingUntilATaskIsSelected() {
        assertFalse(vm.shownProperty().get());
        vm.taskIdProperty().set(fjord);
        assertTrue(vm.shownProperty().get());
        assertFalse(vm.starredProperty().get());
        assertEquals(List.of(), vm.tags());
        assertEquals("", vm.noteProperty().get());
    }

    @Test
    void starAndTagsAreWrittenToTheCache() {
        vm.taskIdProperty().set(fjord);
        vm.toggleStar();
        vm.addTag("  Winter Light ");
        vm.addTag("Pets");
        vm.addTag("");

        assertTrue(cache.tasks.byId(fjord).orElseThrow().starred());
        assertEquals(List.of("pets", "winter light"), cache.tasks.byId(fjord).orElseThrow().tags());
        assertEquals(List.of("pets", "winter light"), vm.tags());
        vm.removeTag("pets");
        assertEquals(List.of("winter light"), cache.tasks.byId(fjord).orElseThrow().tags());
        assertEquals(List.of("pets"), vm.suggestions("p"), "tags in use elsewhere are offered");
    }

    @Test
    void aNoteIsSavedOnRequestAndWhenLeavingTheTask() {
        vm.taskIdProperty().set(fjord);
        vm.noteProperty().set("first take");
        assertTrue(vm.noteChangedBinding().get());
        vm.saveNote();
        assertEquals("first take", cache.tasks.byId(fjord).orElseThrow().note());
        assertFalse(vm.noteChangedBinding().get());

        vm.noteProperty().set("typed, not saved");
        vm.taskIdProperty().set(corgi);
        assertEquals("typed, not saved", cache.tasks.byId(fjord).orElseThrow().note(), "leaving keeps what was typed");
        assertEquals("", vm.noteProperty().get());
        assertEquals(List.of("pets"), vm.tags());
    }

    @Test
    void aStoreChangeDoesNotClobberANoteBeingTyped() {
        vm.taskIdProperty().set(fjord);
        vm.noteProperty().set("half a thou");
        cache.tasks.setStarred(fjord, true);

        assertTrue(vm.starredProperty().get(), "the star from elsewhere shows");
        assertEquals("half a thou", vm.noteProperty().get());
        vm.revertNote();
        assertEquals("", vm.noteProperty().get());
    }
}
