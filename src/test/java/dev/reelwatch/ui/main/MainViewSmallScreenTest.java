package dev.reelwatch.ui.main;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window on a 1024×768 screen, opened the way a window manager opens it (first at the stage's minimum
 * width, then at the screen's): the task table keeps status, prompt, progress and created time in view.
 */
class MainViewSmallScreenTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private ExecutorService background;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    /** Like the app's lazy detail pane: empty until after the first frame. */
    private final StackPane detailPane = new StackPane();

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        cache = new TestCache(dir, new AdjustableClock(NOW));
        Account studio = cache.addAccount("Studio", ProviderKind.MONEYPRINTERTURBO, false);
        cache.put(TestCache.task(studio, "task-boat", TaskStatus.SUCCEEDED,
                "A paper boat drifting down a rain-soaked Tokyo alley at night", "veo-3", NOW.minusSeconds(60)));
        cache.put(TestCache.task(studio, "task-fjord", TaskStatus.RUNNING, "Aerial shot over a turquoise fjord",
                "veo-3", NOW.minusSeconds(600)));
        background = Executors.newSingleThreadExecutor();
        vm = MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, new RecordingSyncService(),
                new StoreChangeRelay(cache.tasks, UiThread.fx()), () -> java.util.Optional.of(false),
                TestExecutors.fx(background), background, UiThread.fx(), cache.clock, new ProblemArea());
        view = MainWindowFactory.view(vm, detailPane, new Label("welcome"), MediaHooks.NONE, () -> { },
                id -> { }, ServerTaskDeleter.UNSUPPORTED, new RecordingDialogs());
        stage.setScene(view.createScene());
        // Under openbox the window is laid out at its minimum width before the window manager sizes it.
        stage.setWidth(800);
        stage.setHeight(768);
        stage.show();
        vm.start();
    }

    /** Like the detail pane with nothing selected: a placeholder that would like 340 px but needs none. */
    private static Node placeholderLikeTheDetailView() {
        Label title = new Label("Select a task to see its details");
        title.setWrapText(true);
        title.setMinWidth(0);
        VBox box = new VBox(title);
        box.setPrefWidth(340);
        box.setMaxWidth(340);
        box.setMinWidth(0);
        return new StackPane(box);
    }

    /** A few pulses: the split pane's skin settles new panes and content at its next layouts. */
    private static void settle() {
        for (int i = 0; i < 5; i++) {
            org.testfx.util.WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    private TableView<TaskRow> table() {
        return view.taskTable().table();
    }

    @Test
    void at1024PixelsTheTableShowsStatusPromptProgressAndCreatedTime() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 2);
        interact(() -> stage.setWidth(1024));
        waitUntil(() -> table().getWidth() > 0 && stage.getScene().getWidth() == 1024);
        settle();
        // Then the detail pane is built, as the app's is after the window's first frame.
        interact(() -> detailPane.getChildren().setAll(placeholderLikeTheDetailView()));
        settle();

        List<String> shown = onFxThread(() -> table().getVisibleLeafColumns().stream().map(TableColumn::getId)
                .toList());
        assertEquals(List.of("status", "prompt", "progress", "created"), shown,
                "the default columns at 1024 px (the thumbnail gives way first)");
        double visibleRight = onFxThread(() -> {
            Bounds tableBounds = table().localToScene(table().getLayoutBounds());
            double right = tableBounds.getMaxX() - table().snappedRightInset();
            for (Node n : table().lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                    right = Math.min(right, bar.localToScene(bar.getLayoutBounds()).getMinX());
                }
            }
            return right;
        });
        double createdRight = onFxThread(() -> table().lookupAll(".column-header").stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && "created".equals(h.getTableColumn().getId()))
                .findFirst().map(n -> n.localToScene(n.getLayoutBounds()).getMaxX()).orElseThrow());
        assertTrue(createdRight <= visibleRight + 0.5,
                "Created ends at " + createdRight + ", the table's visible area at " + visibleRight);
        boolean horizontalBar = onFxThread(() -> table().lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                        && bar.isVisible()));
        assertTrue(!horizontalBar, "no horizontal scroll bar at 1024 px");
        double detailWidth = onFxThread(() -> view.lookup(".detail-holder").getLayoutBounds().getWidth());
        assertTrue(detailWidth < 300, "the detail placeholder gives up its preferred width: " + detailWidth);
    }
}
