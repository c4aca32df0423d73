package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole cache arriving under its first page, in a table on screen through the real sorted and filtered rows:
 * the table keeps its cells, the user's place, and does not show the rows on screen again.
 */
class WholeCacheArrivalTest extends FxThreadApplicationTest {
    private final SortedTaskRows sorted = new SortedTaskRows();
    private final AtomicInteger rowsCreated = new AtomicInteger();
    /** Rows given another task to show, or told to show theirs again. */
    private final AtomicInteger rowUpdates = new AtomicInteger();
    private TableView<TaskRow> table;

    @Override
    public void start(Stage stage) {
        table = new TableView<>(new FilteredTaskRows(sorted));
        TableColumn<TaskRow, String> prompt = new TableColumn<>("Prompt");
        prompt.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().prompt()));
        prompt.setPrefWidth(400);
        table.getColumns().add(prompt);
        table.setFixedCellSize(30);
        table.setRowFactory(t -> {
            rowsCreated.incrementAndGet();
            return new TableRow<>() {
                @Override
                protected void updateItem(TaskRow item, boolean empty) {
                    super.updateItem(item, empty);
                    rowUpdates.incrementAndGet();
                }
            };
        });
        stage.setScene(new Scene(table, 500, 400));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void theRestOfTheCacheKeepsTheTablesCellsAndScrollPosition() {
        List<TaskRow> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            all.add(row(3000 - i, 1_700_000_000_000L - i * 1000L, "prompt " + i));
        }
        interact(() -> sorted.replaceAll(all.subList(0, 500)));
        waitUntil("the first page on screen", () -> firstVisible() == 0);
        interact(() -> table.scrollTo(300));
        waitUntil("scrolled to row 300", () -> firstVisible() == 300);
        int cells = rowsCreated.get();
        int updates = rowUpdates.get();

        // The store's full read: the same rows again as new objects, then the 2,500 older ones.
        interact(() -> sorted.replaceAll(all.stream().map(WholeCacheArrivalTest::copy).toList()));
        waitUntil("every row in the table", () -> table.getItems().size() == 3000);
        interact(() -> { });

        assertEquals(300, (int) onFxThread(this::firstVisible), "the user's place");
        assertEquals(cells, rowsCreated.get(), "no cell made again");
        // Reported as a replacement of every row, each visible row was laid out and styled again.
        assertEquals(updates, rowUpdates.get(), "the rows on screen are not shown again");
    }

    private int firstVisible() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow == null || flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    private static TaskRow copy(TaskRow r) {
        return row(r.id(), r.sortTimeMillis(), r.prompt());
    }

    private static TaskRow row(long id, long createdMillis, String prompt) {
        return TaskRow.of(new TaskSummary(id, 1, "Acme", ProviderKind.MESHAPI, "t-" + id, TaskStatus.SUCCEEDED, "x",
                null, null, prompt, "gen", Instant.ofEpochMilli(createdMillis), null, null, null, null, null, null,
                true, false, null, false, "", List.of()));
    }
}
