package dev.reelwatch.ui.usage;

import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.usage.UsageFixture;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Usage window (table, charts, toggles) closes with Ctrl+W and with Esc, wherever the keyboard is in it. */
class UsageWindowTest extends FxThreadApplicationTest {
    @TempDir
    Path dir;
    private TestCache cache;
    private Stage owner;
    private FxWindows windows;
    private UsageViewModel vm;

    @Override
    public void start(Stage primary) {
        owner = new Stage();
        Scene scene = new Scene(new StackPane(new Label("main window")), 900, 600);
        ThemeStylesheets.apply(scene, false);
        owner.setScene(scene);
        owner.show();
        AdjustableClock clock = new AdjustableClock(Instant.parse("2025-03-13T12:00:00Z"));
        cache = new TestCache(dir, clock);
        UsageFixture.fill(cache.accounts, cache.tasks);
        windows = new FxWindows(() -> owner, s -> ThemeStylesheets.apply(s, false));
        vm = new UsageViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.fx()),
                TestExecutors.direct(), clock, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        onFxThread(() -> {
            owner.close();
            return null;
        });
        cache.close();
    }

    private Stage open() {
        Stage usage = onFxThread(() -> UsageWindow.show(windows, vm, new RecordingDialogs()));
        waitUntil("the usage table is filled", () -> !usage.getScene().getRoot().lookupAll(".table-row-cell")
                .isEmpty());
        return usage;
    }

    @Test
    void ctrlWClosesTheUsageWindowWithTheKeyboardInItsTable() {
        Stage usage = open();
        Node table = onFxThread(() -> usage.getScene().getRoot().lookup(".table-view"));
        assertTrue(table instanceof TableView<?>);
        clickOn(table);
        press(KeyCode.CONTROL).press(KeyCode.W).release(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil("Ctrl+W closed it", () -> !usage.isShowing());
    }

    @Test
    void escClosesTheUsageWindowFromItsToolbar() {
        Stage usage = open();
        clickOn("Week");
        type(KeyCode.ESCAPE);
        waitUntil("Esc closed it", () -> !usage.isShowing());
    }

    @Test
    void ctrlWClosesTheUsageWindowRightAfterItOpens() {
        Stage usage = open();
        press(KeyCode.CONTROL).press(KeyCode.W).release(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil("Ctrl+W closed it", () -> !usage.isShowing());
    }
}
