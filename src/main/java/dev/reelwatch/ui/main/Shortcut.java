package dev.reelwatch.ui.main;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ResourceBundle;

/**
 * Every keyboard shortcut of the main window, in one table: the menus take their accelerators from here, and
 * Help → Keyboard shortcuts lists it. Entries with {@code inMenu == false} are handled by a view of their own
 * (the task table, the search field, tool windows) and are listed so the help is complete.
 */
public enum Shortcut {
    ADD_ACCOUNT(Section.FILE, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), true),
    ACCOUNTS(Section.FILE, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), true),
    PREFERENCES(Section.FILE, new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), true),
    REFRESH(Section.FILE, new KeyCodeCombination(KeyCode.F5), true),
    EXPORT(Section.FILE, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), true),
    QUIT(Section.FILE, new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), true),
    FIND(Section.EDIT, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), true),
    CLEAR_SEARCH(Section.EDIT, new KeyCodeCombination(KeyCode.ESCAPE), false),
    REMOVE(Section.EDIT, new KeyCodeCombination(KeyCode.DELETE), false),
    OPEN(Section.TASKS, new KeyCodeCombination(KeyCode.ENTER), false),
    SELECT_ALL(Section.TASKS, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN), false),
    SHOW_DETAIL(Section.VIEW, new KeyCodeCombination(KeyCode.F9), true),
    SHOW_SIDEBAR(Section.VIEW, new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), true),
    GALLERY(Section.VIEW, new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), true),
    USAGE(Section.VIEW, new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN), true),
    CLOSE_WINDOW(Section.WINDOWS, new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), false),
    CLOSE_DIALOG(Section.WINDOWS, new KeyCodeCombination(KeyCode.ESCAPE), false),
    SHORTCUTS(Section.HELP, new KeyCodeCombination(KeyCode.F1), true);

    /** Where a shortcut belongs, for the help list's headings. */
    public enum Section { FILE, EDIT, TASKS, VIEW, WINDOWS, HELP }

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.main.messages");

    private final Section section;
    private final KeyCombination keys;
    private final boolean inMenu;

    Shortcut(Section section, KeyCombination keys, boolean inMenu) {
        this.section = section;
        this.keys = keys;
        this.inMenu = inMenu;
    }

    public Section section() {
        return section;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** Whether a menu item carries this shortcut as its accelerator. */
    public boolean inMenu() {
        return inMenu;
    }

    /** What the shortcut does, as the help list says it. */
    public String description() {
        return TEXT.getString("shortcut." + name());
    }

    /** The keys as this platform writes them ("Ctrl+Shift+A", "⇧⌘A"). */
    public String displayText() {
        return keys.getDisplayText();
    }
}
