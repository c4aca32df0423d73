package dev.reelwatch.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The JavaFX application: for now an empty main window. The desktop composition (stores, poller, main
 * view) is wired in here; this class is that seam.
 */
public final class ReelwatchApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle(AppInfo.NAME);
        stage.setScene(new Scene(new StackPane(), 1100, 700));
        stage.show();
    }
}
