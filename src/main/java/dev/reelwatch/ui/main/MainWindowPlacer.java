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
    /** How long after showing the window manager's answers count as start-up, not as the user's doing. */
    static final Duration SETTLE = Duration.millis(700);

    private final Stage stage;
    private final Optional<WindowPlacement> saved;
    private final Consumer<WindowPlacement> save;
    private WindowPlacement target;
    private boolean settled;

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
        InvalidationListener remember = o -> remember();
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
            if (!stage.isMaximized() && !stage.isIconified() && wasForcedSmaller()) {
                apply();
            }
            settled = true;
            remember();
        });
        settle.play();
    }

    /** Smaller than asked for by more than a frame's worth: the window manager's doing, not the user's. */
    private boolean wasForcedSmaller() {
        return stage.getWidth() < target.width() - 32 || stage.getHeight() < target.height() - 48;
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
