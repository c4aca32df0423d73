package dev.reelwatch.ui.tasks;

import javafx.scene.control.MenuItem;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The port through which the table hands its multi-selection to the batch actions (ui.bulk, wired by the main
 * window): the context-menu items acting on the selection, and Export / Delete over several tasks as one batch.
 *
 * @param menuItems the batch items for the table's context menu, given how to read the selection
 * @param export    exports these tasks as one batch with one summary
 * @param remove    removes these tasks from local history as one batch, with Undo
 */
public record SelectionBatch(Function<Supplier<List<Long>>, List<MenuItem>> menuItems,
                             Consumer<List<Long>> export, Consumer<List<Long>> remove) {
}
