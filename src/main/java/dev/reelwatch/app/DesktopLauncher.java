package dev.reelwatch.app;

import javafx.application.Application;

/** Starts the desktop app; the one place that hands control to JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** Blocks until the window is closed. */
    public static void launch(String[] args) {
        RenderingPipeline.applyToSystem();
        Application.launch(dev.reelwatch.Reelwatch.class, args);
    }
}
