package dev.reelwatch.ui.tasks;

import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter boxes stay out of the window's first frames (search field and "Filters" button only) until the
 * rows have painted, then come in measured: shown where the tool bar has room, folded where it has not, and a
 * narrow window never shows them unfolded for a frame. The bar sits in a tool bar as the main window's does.
 */
class TaskFilterBarFirstFrameTest extends FxThreadApplicationTest {
    @TempDir
    Path dir;
    private TestCache cache;
    private TaskFilterBar bar;
    private Stage stage;
    private final AtomicBoolean rowsPainted = new AtomicBoolean();
    /** Set by any pulse that laid the status box out inside the bar itself (not in the pop-over). */
    private final AtomicBoolean statusBoxInBar = new AtomicBoolean();

    @AfterEach
    void closeStagesThenCache() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        cache.close();
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        cache = new TestCache(dir, new AdjustableClock(Instant.parse("2025-03-10T12:00:00Z")));
        TaskListViewModel vm = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.fx()),
                new RecordingSyncService(), new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(),
                UiThread.fx(), new RelativeTime(cache.clock));
        bar = new TaskFilterBar(vm, FXCollections.observableArrayList());
        bar.attachAfterFirstFrame(rowsPainted::get);
        HBox.setHgrow(bar, Priority.SOMETIMES);
        bar.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Scene scene = new Scene(new HBox(bar, spacer), 1400, 80);
        scene.addPostLayoutPulseListener(() -> {
            if (bar.getChildrenUnmodifiable().stream().anyMatch(n -> "statusFilter".equals(n.getId()))) {
                statusBoxInBar.set(true);
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theBoxesWaitForTheRowsThenShowWhereThereIsRoom() {
        WaitForAsyncUtils.waitForFxEvents(5);
        interact(() -> bar.requestLayout());
        WaitForAsyncUtils.waitForFxEvents(5);
        assertTrue(onFxThread(bar::filtersWaiting), "no rows painted yet: the boxes wait");
        assertEquals(2, (int) onFxThread(() -> bar.getChildrenUnmodifiable().size()), "search field and button");
        assertTrue(onFxThread(() -> bar.lookup("#filtersButton") != null && bar.lookup("#statusFilter") == null));

        rowsPainted.set(true);
        interact(() -> bar.requestLayout());
        waitUntil("the boxes came in", () -> !bar.filtersWaiting());
        waitUntil("unfolded in a wide tool bar", () -> !bar.isCollapsed() && bar.lookup("#statusFilter") != null
                && bar.lookup("#filtersButton") == null);
    }

    @Test
    void aNarrowWindowNeverShowsThemUnfolded() {
        interact(() -> stage.setWidth(480));
        WaitForAsyncUtils.waitForFxEvents(5);
        rowsPainted.set(true);
        interact(() -> bar.requestLayout());
        waitUntil("the boxes came in", () -> !bar.filtersWaiting());
        WaitForAsyncUtils.waitForFxEvents(10);
        assertTrue(onFxThread(bar::isCollapsed), "folded into the button");
        assertFalse(statusBoxInBar.get(), "no frame laid them out in the bar");
        // Measured on arrival: widened, the tool bar gives them their room back.
        interact(() -> stage.setWidth(1400));
        waitUntil("back when wide", () -> !bar.isCollapsed() && bar.lookup("#statusFilter") != null);
    }

    @Test
    void theFiltersButtonBringsThemAtOnce() {
        WaitForAsyncUtils.waitForFxEvents(5);
        assertTrue(onFxThread(bar::filtersWaiting));
        clickOn("#filtersButton");
        assertFalse(onFxThread(bar::filtersWaiting), "asked for, they do not wait for the rows");
        waitUntil("unfolded in a wide tool bar", () -> !bar.isCollapsed() && bar.lookup("#statusFilter") != null);
    }
}
