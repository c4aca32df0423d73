package dev.reelwatch.ui.main;

import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real stage restored from a stored placement: sane ones come back, tiny and off-screen ones do not. */
class MainWindowPlacerTest extends FxThreadApplicationTest {
    private final List<WindowPlacement> saved = new CopyOnWriteArrayList<>();
    private Stage stage;

    @Override
    public void start(Stage ignored) {
        // Each test opens its own stage.
    }

    @AfterEach
    void closeStage() {
        onFxThread(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
    }

    private WindowPlacement firstRun() {
        Rectangle2D area = onFxThread(() -> Screen.getPrimary().getVisualBounds());
        return WindowPlacement.firstRun(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
    }

    /** Opens a stage with {@code stored} as the remembered placement; {@code whileStarting} runs right after show. */
    private void open(String stored, Runnable whileStarting) {
        onFxThread(() -> {
            stage = new Stage();
            stage.setTitle("Reelwatch");
            stage.setScene(new Scene(new Pane()));
            new MainWindowPlacer(stage, WindowPlacement.decode(stored), saved::add).attach();
            stage.show();
            whileStarting.run();
            return null;
        });
        waitUntil("the window settled", () -> !saved.isEmpty());
    }

    @Test
    void aStoredTinyWindowOpensAtTheFirstRunSize() {
        open("72,45,200,200,false", () -> { });

        WindowPlacement first = firstRun();
        assertEquals(first.width(), onFxThread(stage::getWidth));
        assertEquals(first.height(), onFxThread(stage::getHeight));
        assertTrue(saved.stream().allMatch(WindowPlacement::isSane), saved::toString);
    }

    @Test
    void aStoredOffScreenWindowOpensOnTheScreen() {
        open("5000,4000,1100,700,false", () -> { });

        WindowPlacement first = firstRun();
        assertEquals(first.x(), onFxThread(stage::getX));
        assertEquals(first.y(), onFxThread(stage::getY));
    }

    @Test
    void aSizeTheWindowManagerForcesWhileStartingIsUndoneAndNeverSaved() {
        open("60,40,1000,640,false", () -> {
            // What openbox does to a freshly mapped JavaFX window.
            stage.setWidth(200);
            stage.setHeight(200);
        });

        waitUntil("the window is back at its size", () -> stage.getWidth() == 1000 && stage.getHeight() == 640);
        assertFalse(saved.stream().anyMatch(p -> p.width() < 800), saved::toString);
        assertEquals(new WindowPlacement(60, 40, 1000, 640, false), saved.get(saved.size() - 1));
    }

    @Test
    void aUserMoveAfterStartingIsRemembered() {
        open("60,40,1000,640,false", () -> { });

        onFxThread(() -> {
            stage.setX(120);
            stage.setWidth(900);
            return null;
        });

        waitUntil("the move was saved", () -> saved.get(saved.size() - 1).equals(
                new WindowPlacement(120, 40, 900, 640, false)));
        assertTrue(saved.stream().allMatch(WindowPlacement::isSane), saved::toString);
    }
}
