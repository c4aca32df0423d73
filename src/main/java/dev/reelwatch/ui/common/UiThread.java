package dev.reelwatch.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * The one place work is handed to the JavaFX thread. ViewModels take an {@link Executor} so tests can run
 * them without a toolkit ({@link #direct()}); the app passes {@link #fx()}.
 */
public final class UiThread {

    private UiThread() {
    }

    /** Runs on the FX application thread: at once when already there, else queued with Platform.runLater. */
    public static Executor fx() {
        return command -> {
            if (Platform.isFxApplicationThread()) {
                command.run();
            } else {
                Platform.runLater(command);
            }
        };
    }

    /** Runs on the calling thread; for ViewModel tests without a window. */
    public static Executor direct() {
        return Runnable::run;
    }
}
