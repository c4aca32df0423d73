package dev.reelwatch.ui.welcome;

import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WelcomeViewTest extends FxThreadApplicationTest {
    private final AtomicInteger addClicks = new AtomicInteger();
    private final AtomicInteger launches = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicBoolean demoFails = new AtomicBoolean();
    private ExecutorService background;

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        WelcomeViewModel model = new WelcomeViewModel(addClicks::incrementAndGet, () -> {
            launches.incrementAndGet();
            if (demoFails.get()) {
                throw new IllegalStateException("no free loopback port");
            }
        }, started::incrementAndGet, TestExecutors.fx(background));
        Scene scene = new Scene(new WelcomeView(model), 1000, 720);
        // The app's own theme, as every window gets it: its looked-up colours resolve every lookup.
        ThemeStylesheets.apply(scene, true);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void shutDownBackground() {
        background.shutdownNow();
    }

    @Test
    void addAccountButtonOpensTheAccountsDialog() {
        clickOn("#welcome-add");
        assertEquals(1, addClicks.get());
        assertEquals(0, launches.get());
    }

    @Test
    void demoButtonStartsTheDemoAndReportsBack() throws Exception {
        clickOn("#welcome-demo");
        waitUntil(() -> started.get() == 1);
        assertEquals(1, launches.get());
        assertEquals(0, addClicks.get());
    }

    @Test
    void aDemoThatCannotStartSaysWhy() throws Exception {
        demoFails.set(true);
        clickOn("#welcome-demo");
        waitUntil(() -> lookup("#welcome-error").query().isVisible());
        assertEquals("The demo could not start: no free loopback port",
                lookup("#welcome-error").queryAs(Label.class).getText());
        assertEquals(0, started.get());
        assertTrue(!lookup("#welcome-demo").query().isDisabled(), "the user can try again");
    }
}
