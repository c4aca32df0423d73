package dev.reelwatch.app;

import dev.reelwatch.store.Database;
import javafx.application.Application;

/** Starts the desktop app; the one place that hands control to JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** Blocks until the window is closed. */
    public static void launch(String[] args) {
        RenderingPipeline.applyToSystem();
        // JavaFX takes a third of a second to start, on one core: meanwhile the other loads SQLite's native
        // library, which opening the cache would otherwise wait for after it. Nothing is kept from it.
        Thread warmUp = new Thread(Database::loadNativeLibrary, "reelwatch-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Application.launch(dev.reelwatch.Reelwatch.class, args);
    }
}
