package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.TestCache;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's cells as a sync reuses them for other rows: one tooltip per cell with its text replaced (a new
 * Tooltip per update is a popup control of its own), style classes that follow the row's status.
 */
class TaskCellsTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private TaskRow running;
    private TaskRow failed;

    @BeforeEach
    void rows() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        Account studio = cache.addAccount("studio", ProviderKind.MESHAPI, false);
        running = TaskRow.of(cache.put(TestCache.task(studio, "r-1", TaskStatus.RUNNING, "a paper boat", "veo-3",
                NOW.minusSeconds(60))));
        failed = TaskRow.of(cache.put(TestCache.task(studio, "f-1", TaskStatus.FAILED, "a lighthouse", "veo-3",
                NOW.minusSeconds(120))));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void aStatusCellKeepsItsTooltipAndRestylesOnlyForAnotherStatus() {
        onFxThread(() -> {
            TaskCells.StatusCell cell = new TaskCells.StatusCell();
            cell.updateItem(running, false);
            Tooltip first = cell.getTooltip();
            assertNotNull(first);
            javafx.scene.control.Label chip = (javafx.scene.control.Label) cell.getGraphic();
            assertTrue(chip.getStyleClass().contains("status-running"));
            int[] restyles = {0};
            chip.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> restyles[0]++);

            cell.updateItem(running, false);
            assertEquals(0, restyles[0], "the same status again leaves the style classes alone");
            cell.updateItem(failed, false);
            assertSame(first, cell.getTooltip(), "one tooltip, its text replaced");
            assertTrue(chip.getStyleClass().contains("status-failed"));
            assertTrue(!chip.getStyleClass().contains("status-running"));
            assertEquals(1, restyles[0]);
            cell.updateItem(null, true);
            assertNull(cell.getTooltip());
            cell.updateItem(running, false);
            assertSame(first, cell.getTooltip());
            return null;
        });
    }

    @Test
    void aPromptCellShowsEachRowsPromptInTheSameTooltip() {
        onFxThread(() -> {
            TaskCells.PromptCell cell = new TaskCells.PromptCell();
            cell.updateItem(running, false);
            Tooltip tip = cell.getTooltip();
            assertEquals("a paper boat\n\nr-1", tip.getText());
            cell.updateItem(failed, false);
            assertSame(tip, cell.getTooltip());
            assertEquals("a lighthouse\n\nf-1", tip.getText());
            return null;
        });
    }

    @Test
    void aProgressBarIsMarkedFailedOnlyWhileItShowsAFailedTask() {
        onFxThread(() -> {
            TaskCells.ProgressCell cell = new TaskCells.ProgressCell();
            cell.updateItem(failed, false);
            javafx.scene.control.ProgressBar bar = (javafx.scene.control.ProgressBar)
                    ((javafx.scene.layout.VBox) cell.getGraphic()).getChildren().get(0);
            assertTrue(bar.getStyleClass().contains("failed"));
            cell.updateItem(running, false);
            assertEquals(List.of("progress-bar", "task-progress"), List.copyOf(bar.getStyleClass()));
            return null;
        });
    }
}
