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
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter bar: Esc clears the search; narrow, the filters fold into one "Filters" button. */
class TaskFilterBarTest extends FxThreadApplicationTest {
    @TempDir
    Path dir;
    private TestCache cache;
    private TaskListViewModel vm;
    private TaskFilterBar bar;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        cache = new TestCache(dir, new AdjustableClock(Instant.parse("2025-03-10T12:00:00Z")));
        vm = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.fx()),
                new RecordingSyncService(), new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(),
                UiThread.fx(), new RelativeTime(cache.clock));
        bar = new TaskFilterBar(vm, FXCollections.observableArrayList());
        stage.setScene(new Scene(new StackPane(bar), 1200, 80));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        cache.close();
    }

    @Test
    void escapeInTheSearchFieldClearsIt() {
        clickOn("#searchField").write("corgi");
        waitUntil("search applied", () -> vm.searchTextProperty().get().equals("corgi"));
        type(KeyCode.ESCAPE);
        waitUntil("cleared", () -> vm.searchTextProperty().get().isEmpty());
        assertEquals("", onFxThread(() -> bar.searchField().getText()));
    }

    @Test
    void narrowTheFiltersFoldIntoOneButtonAndComeBackWhenWide() {
        waitUntil("laid out wide", () -> bar.getWidth() > 1000);
        assertFalse(onFxThread(bar::isCollapsed));
        interact(() -> stage.setWidth(420));
        waitUntil("collapsed", bar::isCollapsed);
        assertTrue(onFxThread(() -> bar.lookup("#filtersButton") != null && bar.lookup("#statusFilter") == null));
        interact(() -> stage.setWidth(1200));
        waitUntil("back", () -> !bar.isCollapsed());
        assertTrue(onFxThread(() -> bar.lookup("#statusFilter") != null));
    }
}
