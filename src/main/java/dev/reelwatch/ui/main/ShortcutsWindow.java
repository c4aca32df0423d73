package dev.reelwatch.ui.main;

import javafx.geometry.HPos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;
import java.util.function.Consumer;

/** Help → Keyboard shortcuts: the {@link Shortcut} table by section, in a small window closed by Esc or Ctrl+W. */
final class ShortcutsWindow {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.main.messages");

    private Stage stage;

    void show(Window owner, Consumer<Scene> theme) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        stage = new Stage();
        stage.setTitle(TEXT.getString("shortcuts.title") + " — Reelwatch");
        stage.initOwner(owner);
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        ScrollPane scroll = new ScrollPane(table());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shortcuts-scroll");
        scroll.setId("shortcutsView");
        scroll.getStylesheets().add(java.util.Objects.requireNonNull(
                ShortcutsWindow.class.getResource("/dev/reelwatch/ui/main/main.css")).toExternalForm());
        Scene scene = new Scene(scroll, 520, Math.min(620, owner == null ? 620 : owner.getHeight() - 40));
        theme.accept(scene);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || Shortcut.CLOSE_WINDOW.keys().match(e)) {
                e.consume();
                stage.hide();
            }
        });
        stage.setScene(scene);
        stage.show();
        if (owner != null) {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 3);
        }
    }

    private static GridPane table() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-table");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        keys.setMinWidth(130);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, what);
        int row = 0;
        Shortcut.Section current = null;
        for (Shortcut s : Shortcut.values()) {
            if (s.section() != current) {
                current = s.section();
                Label heading = new Label(TEXT.getString("shortcuts.section." + current.name()));
                heading.getStyleClass().add("shortcuts-heading");
                GridPane.setHalignment(heading, HPos.LEFT);
                grid.add(heading, 0, row++, 2, 1);
            }
            Label key = new Label(s.displayText());
            key.getStyleClass().add("shortcut-keys");
            Label description = new Label(s.description());
            description.setWrapText(true);
            grid.addRow(row++, key, description);
        }
        return grid;
    }
}
