package dev.reelwatch.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desktop app starts with its main window. */
class ReelwatchAppTest {
    private Application app;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void opensAWindowTitledReelwatch() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ReelwatchApp.class);

        assertEquals("Reelwatch", stage.getTitle());
        assertTrue(stage.isShowing());
    }
}
