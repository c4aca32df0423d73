package dev.reelwatch.ui.preferences;

import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The Preferences window: one per main window, brought to the front when asked for again, closed with Esc,
 * Ctrl+W or Close. Changes apply as they are made, so closing needs no Save.
 */
public final class PreferencesWindow {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.preferences.messages");
    static final double WIDTH = 960;
    static final double HEIGHT = 680;

    private final PreferencesView view;
    private final Consumer<Scene> theme;
    private Stage stage;
    private double[] wanted = {WIDTH, HEIGHT};

    /** @param theme puts the app's stylesheets on the window's scene and keeps them following the theme */
    public PreferencesWindow(PreferencesView view, Consumer<Scene> theme) {
        this.view = view;
        this.theme = theme;
    }

    /** Shows the window over {@code owner}, or brings it to the front when it is open already. */
    public Stage show(Window owner) {
        if (stage == null) {
            stage = create(owner);
        }
        if (stage.isShowing()) {
            stage.toFront();
        } else {
            stage.show();
            // Sized and placed once mapped: some window managers map a new window at a size of their own
            // (200×200 under Openbox) and keep it unless asked again afterwards.
            stage.setWidth(wanted[0]);
            stage.setHeight(wanted[1]);
            if (owner != null) {
                stage.setX(owner.getX() + (owner.getWidth() - wanted[0]) / 2);
                stage.setY(owner.getY() + (owner.getHeight() - wanted[1]) / 3);
            }
        }
        stage.requestFocus();
        return stage;
    }

    /** The window's content, to add pages to. */
    public PreferencesView view() {
        return view;
    }

    private Stage create(Window owner) {
        Stage s = new Stage();
        s.setTitle(TEXT.getString("window.title") + " — Reelwatch");
        if (owner instanceof Stage o) {
            s.getIcons().setAll(o.getIcons());
        }
        s.initOwner(owner);
        // Fits a 1024×768 screen with room for panels and title bar; smaller screens get what they have.
        double width = WIDTH;
        double height = HEIGHT;
        if (owner != null && owner.getScene() != null) {
            javafx.geometry.Rectangle2D area = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight())).stream().findFirst()
                    .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
            // Some window managers report a work area smaller than the window already on it; the screen holds
            // at least the main window, so that is room the Preferences may use too.
            width = Math.min(width, Math.max(area.getWidth(), owner.getWidth()) - 40);
            height = Math.min(height, Math.max(area.getHeight(), owner.getHeight()) - 60);
        }
        Scene scene = new Scene(view, width, height);
        theme.accept(scene);
        s.setScene(scene);
        KeyCombination ctrlW = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
        // A filter: the page list consumes Esc for itself (cancel edit), which would keep the window open.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean popupOpen = scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing();
            if ((e.getCode() == KeyCode.ESCAPE && !popupOpen) || ctrlW.match(e)) {
                e.consume();
                s.hide();
            }
        });
        // No minimum size on the stage: under GTK with a window manager such as Openbox, a minimum opens the
        // window at that minimum instead of the scene's size. The content scrolls when made smaller.
        view.closeButton().setOnAction(e -> s.hide());
        wanted = new double[]{width, height};
        return s;
    }
}
