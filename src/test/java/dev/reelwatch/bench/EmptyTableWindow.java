package dev.reelwatch.bench;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.util.List;

/**
 * The cold-start floor: a JavaFX window holding one TableView with one row, started like Reelwatch, printing
 * {@code REELWATCH_MARK first-paint <epoch ms>} at the first pulse after it is shown with its row.
 */
public final class EmptyTableWindow {

    private EmptyTableWindow() {
    }

    /** Not the Application class itself: JavaFX on the class path refuses to start one as the main class. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            TableView<String> table = new TableView<>();
            TableColumn<String, String> column = new TableColumn<>("Prompt");
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
            table.getColumns().add(column);
            table.getItems().setAll(List.of("A paper boat drifting down a rain-soaked street"));
            Scene scene = new Scene(table, 1280, 800);
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                System.out.println("REELWATCH_MARK first-paint " + System.currentTimeMillis());
                System.out.flush();
                scene.removePostLayoutPulseListener(self[0]);
            };
            scene.addPostLayoutPulseListener(self[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}

