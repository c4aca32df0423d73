package dev.reelwatch.ui.common;

import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Openbox maps a new window 200 px wide and keeps it: for a moment after a window shows, a smaller size than it
 * showed at is taken for the window manager's and undone; after that, the user's own resizing stands.
 */
class FxWindowsHoldSizeTest extends FxThreadApplicationTest {
    private Stage window;
    private final AtomicInteger restored = new AtomicInteger();

    @Override
    public void start(Stage stage) {
        window = new Stage();
        window.setScene(new Scene(new Label("About Reelwatch"), 420, 280));
        window.setOnShown(e -> FxWindows.holdSize(window, restored::incrementAndGet));
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aSizeForcedRightAfterShowingIsUndoneButNotOneMadeLater() throws Exception {
        double width = onFxThread(window::getWidth);
        double height = onFxThread(window::getHeight);
        interact(() -> {
            window.setWidth(200);
            window.setHeight(200);
        });
        assertEquals(width, onFxThread(window::getWidth), 1, "the window manager's 200 px undone");
        assertEquals(height, onFxThread(window::getHeight), 1);
        assertTrue(restored.get() >= 1, "and the window placed again");

        // Once the hold (FxWindows.HOLD_SIZE) is over, a smaller size sticks: asked again until it does.
        waitUntil("later the size is the user's", () -> {
            window.setWidth(300);
            return Math.abs(window.getWidth() - 300) < 1;
        });
    }
}
