package dev.reelwatch.ui.common;

import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dialogs and tool windows through the one service: centred on the owner, fitted, themed, closed by keys. */
class FxDialogServiceTest extends FxThreadApplicationTest {
    private Stage owner;
    private FxWindows windows;
    private FxDialogService dialogs;

    @Override
    public void start(Stage primary) {
        // An owner of its own, placed off the corner: the shared primary stage stays where other tests expect it.
        Stage stage = new Stage();
        owner = stage;
        Scene scene = new Scene(new StackPane(new Label("main window")), 900, 600);
        ThemeStylesheets.apply(scene, true);
        stage.setScene(scene);
        stage.setX(120);
        stage.setY(60);
        stage.show();
        windows = new FxWindows(() -> owner, s -> ThemeStylesheets.apply(s, true));
        dialogs = new FxDialogService(windows);
    }

    @AfterEach
    void closeOwner() {
        onFxThread(() -> {
            owner.close();
            return null;
        });
    }

    private Window shownOtherThanOwner() {
        waitUntil("a dialog shows", () -> Window.getWindows().stream().anyMatch(this::isDialog));
        return onFxThread(() -> Window.getWindows().stream().filter(this::isDialog).findFirst().orElseThrow());
    }

    private boolean isDialog(Window w) {
        return w != owner && w instanceof Stage s && s.getOwner() == owner && w.isShowing() && w.getWidth() > 0;
    }

    private static double centreX(Window w) {
        return w.getX() + w.getWidth() / 2;
    }

    private static double centreY(Window w) {
        return w.getY() + w.getHeight() / 2;
    }

    @Test
    void aConfirmationIsCentredOnItsOwnerThemedAndEscCancelsIt() {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.confirm("Remove account", "Remove “Studio”?",
                "Its cached tasks leave your local history.", "Remove")));

        Window dialog = shownOtherThanOwner();
        waitUntil("centred", () -> Math.abs(centreX(dialog) - centreX(owner)) <= 2
                && Math.abs(centreY(dialog) - centreY(owner)) <= 2);
        assertTrue(onFxThread(() -> dialog.getScene().getRoot().getStyleClass().contains("theme-dark")),
                "carries the current theme");
        assertTrue(onFxThread(() -> dialog.getScene().getStylesheets().stream().anyMatch(u -> u.endsWith("dark.css"))));

        type(KeyCode.ESCAPE);

        waitUntil("answered", () -> answer.get() != null);
        assertFalse(answer.get(), "Esc is Cancel");
        assertFalse(onFxThread(dialog::isShowing));
    }

    @Test
    void anErrorWithLongDetailsFitsTheScreenAndEscClosesIt() {
        String details = "java.io.IOException: the disk is full\n".repeat(200);
        AtomicBoolean closed = new AtomicBoolean();
        Platform.runLater(() -> {
            dialogs.showError("Export", "Export failed: the disk is full", details);
            closed.set(true);
        });

        Window dialog = shownOtherThanOwner();
        Rectangle2D screen = onFxThread(() -> Screen.getPrimary().getVisualBounds());
        waitUntil("laid out", () -> dialog.getHeight() > 0);
        assertTrue(onFxThread(dialog::getWidth) <= Math.min(FxDialogService.MAX_WIDTH + 40, screen.getWidth()));
        assertTrue(onFxThread(dialog::getHeight) <= screen.getHeight(), "never taller than the screen");

        type(KeyCode.ESCAPE);

        waitUntil("closed", closed::get);
    }

    @Test
    void aToolWindowIsThemedCentredAndClosesWithCtrlWAndEsc() {
        List<String> closedTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Stage tool = onFxThread(() -> {
            Stage s = windows.toolWindow("Usage — Reelwatch", new StackPane(new Label("usage")), 600, 400,
                    () -> closedTimes.add("closed"));
            s.show();
            return s;
        });
        waitUntil("centred", () -> Math.abs(centreX(tool) - centreX(owner)) <= 2);
        assertTrue(onFxThread(() -> tool.getScene().getRoot().getStyleClass().contains("theme-dark")));
        assertEquals(Optional.of(owner), Optional.ofNullable(onFxThread(tool::getOwner)));

        press(KeyCode.CONTROL).press(KeyCode.W).release(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil("Ctrl+W closed it", () -> !tool.isShowing());
        assertEquals(List.of("closed"), closedTimes, "its model is let go");

        Stage again = onFxThread(() -> {
            Stage s = windows.toolWindow("Compare — Reelwatch", new StackPane(new Label("compare")), 3000, 2000,
                    () -> closedTimes.add("closed"));
            s.show();
            return s;
        });
        Rectangle2D screen = onFxThread(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(onFxThread(again::getWidth) <= screen.getWidth(), "a huge window is fitted to the screen");
        type(KeyCode.ESCAPE);
        waitUntil("Esc closed it", () -> !again.isShowing());
    }

    @Test
    void escClosesAWindowWhoseKeyboardIsInAListOrATable() {
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(
                javafx.collections.FXCollections.observableArrayList("Demo · Hedra", "Demo · MeshAPI"));
        Stage accounts = onFxThread(() -> {
            Stage s = windows.modalWindow("Accounts", new StackPane(list), 600, 400);
            s.show();
            return s;
        });
        clickOn(list);
        waitUntil("the list has the keyboard", list::isFocused);
        type(KeyCode.ESCAPE);
        waitUntil("Esc closed it", () -> !accounts.isShowing());

        javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(
                javafx.collections.FXCollections.observableArrayList("meshapi", "hedra"));
        table.getColumns().add(new javafx.scene.control.TableColumn<>("Provider"));
        Stage usage = onFxThread(() -> {
            Stage s = windows.toolWindow("Usage — Reelwatch", new StackPane(table), 600, 400, () -> { });
            s.show();
            return s;
        });
        clickOn(table);
        waitUntil("the table has the keyboard", table::isFocused);
        type(KeyCode.ESCAPE);
        waitUntil("Esc closed it", () -> !usage.isShowing());
    }

    @Test
    void informationIsNotModalSoTheOwnerIsNotDisabled() {
        // A modal dialog disables its owner, which on Linux (JavaFX 21, JDK-8332222) un-maximises it.
        AtomicBoolean closed = new AtomicBoolean();
        Platform.runLater(() -> {
            dialogs.showInfo("About Reelwatch", "Reelwatch 1.2.3");
            closed.set(true);
        });
        Window dialog = shownOtherThanOwner();
        assertEquals(javafx.stage.Modality.NONE, onFxThread(() -> ((Stage) dialog).getModality()));
        type(KeyCode.ESCAPE);
        waitUntil("closed", closed::get);
    }

    @Test
    void aConfirmationKeepsTheUserOutOfTheOwnerWithoutDisablingTheWindowItself() {
        AtomicBoolean answered = new AtomicBoolean();
        Platform.runLater(() -> {
            dialogs.confirm("Remove 3 tasks?", "They go from the local history.", null, "Remove");
            answered.set(true);
        });
        Window dialog = shownOtherThanOwner();
        // On Linux the owner's content is disabled instead of the window (JDK-8332222 un-maximises a disabled one).
        assertEquals(javafx.stage.Modality.NONE, onFxThread(() -> ((Stage) dialog).getModality()));
        assertTrue(onFxThread(() -> ownerSwallows()), "the owner takes no input meanwhile");
        assertEquals(FxDialogService.MIN_WIDTH, onFxThread(() -> ((Stage) dialog).getMinWidth()), 0.5,
                "its minimum is a hint to the window manager (openbox mapped dialogs 200 px wide)");
        assertFalse(onFxThread(() -> owner.getScene().getRoot().isDisabled()), "nor is it faded as disabled");
        type(KeyCode.ESCAPE);
        waitUntil("answered", answered::get);
        assertFalse(onFxThread(() -> ownerSwallows()), "and takes it again afterwards");
    }

    @Test
    void aModalWindowBlocksItsOwnerUntilItIsClosed() {
        Stage accounts = onFxThread(() -> {
            Stage s = windows.modalWindow("Accounts", new StackPane(new javafx.scene.control.Label("list")), 600, 400);
            s.show();
            return s;
        });
        assertTrue(onFxThread(() -> ownerSwallows()));
        interact(accounts::hide);
        assertFalse(onFxThread(() -> ownerSwallows()));
    }

    /** Whether a click on the owner's content is swallowed before it reaches the content. */
    private boolean ownerSwallows() {
        javafx.scene.Node root = owner.getScene().getRoot();
        AtomicBoolean reached = new AtomicBoolean();
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> mark = e -> reached.set(true);
        root.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, mark);
        javafx.event.Event.fireEvent(root, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_PRESSED, 10, 10, 10, 10, javafx.scene.input.MouseButton.PRIMARY,
                1, false, false, false, false, true, false, false, false, false, false, null));
        root.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, mark);
        return !reached.get();
    }
}
