package dev.reelwatch.ui.common;

import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane's holder: nothing is built before it is first shown, and never before the first frame. */
class LazyPaneTest extends FxThreadApplicationTest {
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger builtBeforeFirstFrame = new AtomicInteger();
    private LazyPane hidden;
    private LazyPane shown;
    private LazyPane waiting;
    private final java.util.concurrent.atomic.AtomicBoolean rowsPainted = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void start(Stage stage) {
        boolean[] framed = {false};
        hidden = new LazyPane(() -> true, () -> {
            builds.incrementAndGet();
            return new Label("detail");
        });
        hidden.setVisible(false);
        shown = new LazyPane(() -> true, () -> {
            if (!framed[0]) {
                builtBeforeFirstFrame.incrementAndGet();
            }
            return new Label("shown");
        });
        waiting = new LazyPane(rowsPainted::get, () -> new Label("waits for the rows"));
        Scene scene = new Scene(new HBox(new Label("table"), hidden, shown, waiting), 600, 400);
        scene.addPostLayoutPulseListener(() -> framed[0] = true);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aHiddenPaneIsBuiltWhenFirstShownAndAShownOneOnlyAfterTheFirstFrame() {
        waitUntil("the shown pane is built", () -> shown.isBuilt());
        assertEquals(0, builtBeforeFirstFrame.get(), "not part of the first frame");
        WaitForAsyncUtils.waitForFxEvents(5);
        assertFalse(onFxThread(hidden::isBuilt), "a hidden pane is not built");
        assertEquals(0, builds.get());

        interact(() -> hidden.setVisible(true));
        waitUntil("built on first show", () -> hidden.isBuilt());
        interact(() -> {
            hidden.setVisible(false);
            hidden.setVisible(true);
        });
        assertEquals(1, builds.get(), "built once");
        assertTrue(onFxThread(() -> hidden.getChildren().size() == 1));
    }

    @Test
    void aShownPaneWaitsForTheFrameWithRowsOrForTheLoad() {
        waitUntil("the other shown pane is built", () -> shown.isBuilt());
        // Frames come and go while the table has no rows yet: the pane stays empty.
        for (int i = 0; i < 3; i++) {
            interact(() -> waiting.requestLayout());
            WaitForAsyncUtils.waitForFxEvents(3);
        }
        assertFalse(onFxThread(waiting::isBuilt), "no rows painted yet");
        rowsPainted.set(true);
        interact(() -> waiting.requestLayout());
        waitUntil("built after the frame with rows", () -> waiting.isBuilt());
    }

    @Test
    void readyNowBuildsAShownPaneWithoutAnotherFrame() {
        assertFalse(onFxThread(waiting::isBuilt));
        interact(() -> waiting.readyNow());
        assertTrue(onFxThread(waiting::isBuilt), "the load is over: built at once");
    }
}
