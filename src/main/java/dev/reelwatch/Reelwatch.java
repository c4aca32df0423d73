package dev.reelwatch;

import dev.reelwatch.app.DesktopApp;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application class. Its full name is the app id: JavaFX on Linux uses it as the window's WM class,
 * so the desktop entry ({@code StartupWMClass=dev.reelwatch.Reelwatch}) matches the window. All work is
 * done by the composition root, {@link DesktopApp}.
 */
public final class Reelwatch extends Application {
    private final DesktopApp app = new DesktopApp();

    @Override
    public void init() {
        app.init(getParameters());
    }

    @Override
    public void start(Stage stage) {
        app.start(stage);
    }

    @Override
    public void stop() {
        app.stop();
    }
}
