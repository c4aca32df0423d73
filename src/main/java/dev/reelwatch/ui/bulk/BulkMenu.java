package dev.reelwatch.ui.bulk;

import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.function.Supplier;

/**
 * The bulk commands as menu items for the table's and the gallery's context menus: each runs over the selection
 * of the moment through {@link BulkActionsViewModel} (one progress, one summary).
 */
public final class BulkMenu {

    private BulkMenu() {
    }

    /** The items, in menu order, with their separators; {@code accelerators}: give them their shortcuts. */
    public static List<MenuItem> items(BulkActionsViewModel bulk, Supplier<List<Long>> selection,
                                       boolean accelerators) {
        MenuItem star = item("menu.star", "bulk-star", bulk, BulkAction.STAR, selection,
                accelerators ? new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN) : null);
        MenuItem unstar = item("menu.unstar", "bulk-unstar", bulk, BulkAction.UNSTAR, selection, null);
        MenuItem addTag = item("menu.addTag", "bulk-addTag", bulk, BulkAction.ADD_TAG, selection,
                accelerators ? new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN) : null);
        MenuItem removeTag = item("menu.removeTag", "bulk-removeTag", bulk, BulkAction.REMOVE_TAG, selection, null);
        MenuItem refresh = item("menu.refresh", "bulk-refresh", bulk, BulkAction.REFRESH, selection, null);
        MenuItem export = item("menu.export", "bulk-export", bulk, BulkAction.EXPORT, selection,
                accelerators ? new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN) : null);
        MenuItem remove = item("menu.remove", "bulk-remove", bulk, BulkAction.REMOVE_FROM_HISTORY, selection,
                accelerators ? new KeyCodeCombination(KeyCode.DELETE) : null);
        MenuItem delete = item("menu.deleteOnServer", "bulk-deleteOnServer", bulk, BulkAction.DELETE_ON_SERVER,
                selection, null);
        return List.of(star, unstar, addTag, removeTag, new SeparatorMenuItem(), refresh, export,
                new SeparatorMenuItem(), remove, delete);
    }

    private static MenuItem item(String key, String id, BulkActionsViewModel bulk, BulkAction action,
                                 Supplier<List<Long>> selection, KeyCombination accelerator) {
        MenuItem m = new MenuItem(BulkActionsViewModel.TEXT.getString(key));
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        // The batch ignores a second start while one runs; the menus disable items themselves when nothing is picked.
        m.setOnAction(e -> bulk.run(action, selection.get()));
        return m;
    }
}
