package dev.reelwatch.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens Reelwatch's own windows the one way: owned by the main window (its icon, centred on it), sized to
 * their content but never past the screen (a 1366x768 laptop included), closed with Esc (and Ctrl+W for tool
 * windows), carrying the current theme. Views hand in their content; nothing else creates a Stage for them.
 */
public final class FxWindows {
    /** Room left around a window on a small screen, for panels and the window frame. */
    static final double SCREEN_MARGIN = 48;
    private static final KeyCombination CLOSE_TOOL = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final Supplier<Window> owner;
    private final Consumer<Scene> theme;

    /**
     * @param owner the window new windows belong to (the main window; may answer null before it shows)
     * @param theme puts the app's stylesheets and theme class on a scene and keeps them following the theme
     */
    public FxWindows(Supplier<Window> owner, Consumer<Scene> theme) {
        this.owner = owner;
        this.theme = theme;
    }

    /** A window beside the main one (Compare, Usage): Esc and Ctrl+W close it; {@code onClosed} lets go of its model. */
    public Stage toolWindow(String title, Parent content, double width, double height, Runnable onClosed) {
        Stage stage = stage(title, content, width, height, false);
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE_TOOL.match(e)) {
                e.consume();
                requestClose(stage);
            }
        });
        stage.setOnHidden(e -> onClosed.run());
        return stage;
    }

    /** A window the main one waits on (Accounts, export progress): modal to it; Esc closes it. */
    public Stage modalWindow(String title, Parent content, double width, double height) {
        return stage(title, content, width, height, true);
    }

    /** The theme applied to a scene the caller made (e.g. a player's full-screen window). */
    public void theme(Scene scene) {
        theme.accept(scene);
    }

    /** The window dialogs belong to now. */
    public Window owner() {
        return owner.get();
    }

    private Stage stage(String title, Parent content, double width, double height, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Window main = owner.get();
        Rectangle2D area = screenOf(main);
        double w = Math.min(width, area.getWidth() - SCREEN_MARGIN);
        double h = Math.min(height, area.getHeight() - SCREEN_MARGIN);
        Scene scene = new Scene(content, w, h);
        theme.accept(scene);
        stage.setScene(scene);
        if (main != null) {
            stage.initOwner(main);
            if (main instanceof Stage s) {
                stage.getIcons().setAll(s.getIcons());
            }
            if (modal && OwnerBlock.replacesModality(main)) {
                // Modal in effect, not to the window system (see OwnerBlock): the main window stays maximised.
                Runnable[] unblock = {() -> { }};
                stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> unblock[0] = OwnerBlock.block(main));
                stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> unblock[0].run());
            } else if (modal) {
                stage.initModality(Modality.WINDOW_MODAL);
            }
        }
        // Bubbling, not a filter: a control that uses Esc itself (an open list, a popup) keeps it.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                requestClose(stage);
            }
        });
        // Except lists and tables: they swallow Esc even when nothing is being edited (the Accounts list did).
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && notEditing(scene.getFocusOwner())) {
                e.consume();
                requestClose(stage);
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            centreOn(stage, main, area);
            holdSize(stage, () -> centreOn(stage, main, area));
        });
        return stage;
    }

    /** A list or table that is not editing a cell: Esc means nothing to it. */
    private static boolean notEditing(javafx.scene.Node focused) {
        if (focused instanceof javafx.scene.control.ListView<?> list) {
            return list.getEditingIndex() < 0;
        }
        if (focused instanceof javafx.scene.control.TableView<?> table) {
            return table.getEditingCell() == null;
        }
        if (focused instanceof javafx.scene.control.TreeView<?> tree) {
            return tree.getEditingItem() == null;
        }
        return false;
    }

    /** Closes as the window manager's close button would, so close handlers (cancel an export) run. */
    static void requestClose(Stage stage) {
        WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        stage.fireEvent(request);
        if (!request.isConsumed()) {
            stage.close();
        }
    }

    /** How long after a window shows a smaller size than it asked for is taken for the window manager's doing. */
    static final javafx.util.Duration HOLD_SIZE = javafx.util.Duration.seconds(2);

    /**
     * Keeps the size a window has as it shows for {@link #HOLD_SIZE}: some window managers (openbox) map a new
     * window at a size of their own (200 px wide) and keep it, so a themed dialog showed cut down to a strip.
     * A smaller size in that time is undone, then {@code afterRestore} runs (to centre it again).
     */
    static void holdSize(Window window, Runnable afterRestore) {
        double width = window.getWidth();
        double height = window.getHeight();
        if (!(width > 0) || !(height > 0)) {
            return;
        }
        javafx.beans.InvalidationListener restore = o -> {
            boolean narrower = window.getWidth() < width - 1;
            boolean lower = window.getHeight() < height - 1;
            if (narrower) {
                window.setWidth(width);
            }
            if (lower) {
                window.setHeight(height);
            }
            if (narrower || lower) {
                afterRestore.run();
            }
        };
        window.widthProperty().addListener(restore);
        window.heightProperty().addListener(restore);
        javafx.animation.PauseTransition done = new javafx.animation.PauseTransition(HOLD_SIZE);
        done.setOnFinished(e -> {
            window.widthProperty().removeListener(restore);
            window.heightProperty().removeListener(restore);
        });
        done.play();
    }

    /** Centres {@code window} on {@code main} (on the screen when there is none), kept on the screen. */
    static void centreOn(Window window, Window main, Rectangle2D area) {
        double cx = main == null ? area.getMinX() + area.getWidth() / 2 : main.getX() + main.getWidth() / 2;
        double cy = main == null ? area.getMinY() + area.getHeight() / 2 : main.getY() + main.getHeight() / 2;
        double x = cx - window.getWidth() / 2;
        double y = cy - window.getHeight() / 2;
        window.setX(Math.max(area.getMinX(), Math.min(x, area.getMaxX() - window.getWidth())));
        window.setY(Math.max(area.getMinY(), Math.min(y, area.getMaxY() - window.getHeight())));
    }

    /** The usable area of the screen {@code window} is on (the primary screen without one). */
    static Rectangle2D screenOf(Window window) {
        if (window != null && Double.isFinite(window.getX())) {
            return Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()),
                    Math.max(1, window.getHeight())).stream().findFirst().orElse(Screen.getPrimary())
                    .getVisualBounds();
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
