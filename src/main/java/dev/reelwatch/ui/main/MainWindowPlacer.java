package dev.reelwatch.ui.main;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts the main window where it was, when that is sane ({@link WindowPlacement#restore}), and remembers where
 * the user puts it. Some window managers (openbox among them) answer JavaFX's first map with a 200x200
 * window; while the window settles after showing, such forced sizes are undone and never saved.
 */
final class MainWindowPlacer {
    /**
     * How long after showing the window manager's answers count as start-up, not as the user's doing. Long,
     * because on a busy machine the forced size can arrive seconds after the window maps.
     */
    static final Duration SETTLE = Duration.seconds(3);
    /** How soon a forced size is undone: after the window manager's burst of configure events. */
    static final Duration UNDO_DELAY = Duration.millis(120);
    /** Undo at most this often while settling, so a window manager that insists cannot make us loop. */
    static final int MAX_UNDOS = 5;

    private final Stage stage;
    private final Optional<WindowPlacement> saved;
    private final Consumer<WindowPlacement> save;
    private WindowPlacement target;
    private boolean settled;
    private int undos;
    private final PauseTransition undo = new PauseTransition(UNDO_DELAY);

    MainWindowPlacer(Stage stage, Optional<WindowPlacement> saved, Consumer<WindowPlacement> save) {
        this.stage = stage;
        this.saved = saved;
        this.save = save;
    }

    /** The placement the window will open with on the screens there are now. */
    static WindowPlacement opening(Optional<WindowPlacement> saved) {
        List<ScreenArea> screens = Screen.getScreens().stream().map(s -> area(s.getVisualBounds())).toList();
        return WindowPlacement.restore(saved, screens, area(Screen.getPrimary().getVisualBounds()));
    }

    /** Applies the opening placement and starts remembering; call before the stage shows. */
    void attach() {
        target = opening(saved);
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, target.width()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, target.height()));
        apply();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> settleThenRemember());
        undo.setOnFinished(e -> {
            if (!settled && forced()) {
                undos++;
                apply();
            }
        });
        InvalidationListener remember = o -> {
            if (!settled && forced() && undos < MAX_UNDOS) {
                undo.playFromStart();
            }
            remember();
        };
        stage.xProperty().addListener(remember);
        stage.yProperty().addListener(remember);
        stage.widthProperty().addListener(remember);
        stage.heightProperty().addListener(remember);
        stage.maximizedProperty().addListener(remember);
    }

    private void apply() {
        stage.setX(target.x());
        stage.setY(target.y());
        stage.setWidth(target.width());
        stage.setHeight(target.height());
        stage.setMaximized(target.maximized());
    }

    private void settleThenRemember() {
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> {
            if (forced()) {
                apply();
            }
            settled = true;
            remember();
        });
        settle.play();
    }

    /** Smaller than asked for by more than a frame's worth, while showing normally: the window manager's doing. */
    private boolean forced() {
        return stage.isShowing() && !stage.isMaximized() && !stage.isIconified()
                && (stage.getWidth() < target.width() - 32 || stage.getHeight() < target.height() - 48);
    }

    private void remember() {
        if (!settled || stage.isIconified() || !Double.isFinite(stage.getWidth()) || stage.getWidth() <= 0) {
            return;
        }
        if (stage.isMaximized()) {
            // Keep the normal bounds to come back to when un-maximised next time.
            WindowPlacement normal = target;
            save.accept(new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(), true));
            return;
        }
        WindowPlacement now = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                false);
        if (now.isSane()) {
            target = now;
            save.accept(now);
        }
    }

    private static ScreenArea area(Rectangle2D r) {
        return new ScreenArea(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
