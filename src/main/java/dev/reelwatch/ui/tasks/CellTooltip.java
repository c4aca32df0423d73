package dev.reelwatch.ui.tasks;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * One cell's tooltip, made once and given new text as the cell shows other rows. A {@code Tooltip} is a popup
 * control of its own (skin, CSS, window): making one per {@code updateItem} cost the FX thread most of a
 * table's cell updates while a sync poured pages into the visible rows.
 */
final class CellTooltip {
    private final Control owner;
    private Tooltip tooltip;

    CellTooltip(Control owner) {
        this.owner = owner;
    }

    /** Shows {@code text} as the owner's tooltip; null or empty removes it. */
    void show(String text) {
        if (text == null || text.isEmpty()) {
            owner.setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = TaskCells.tooltip(text);
        } else {
            tooltip.setText(text);
        }
        owner.setTooltip(tooltip);
    }
}
