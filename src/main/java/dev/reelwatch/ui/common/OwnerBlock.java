package dev.reelwatch.ui.common;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;

import java.util.Locale;

/**
 * Keeps the user out of a window while a dialog or modal window over it is open, without the window system's
 * modality where that does harm: on Linux, JavaFX 21 pins the size of a window it disables for a modal child,
 * and the window manager then un-maximises it (JDK-8332222, fixed in JavaFX 23). There the dialog is shown
 * without modality and the owner's keys, clicks and scrolling are swallowed instead (its content is not
 * disabled: that would fade the whole window, which a modal dialog does not).
 */
final class OwnerBlock {
    private static final String COUNT = "reelwatch.ownerBlocks";
    private static final EventHandler<InputEvent> SWALLOW = Event::consume;

    private OwnerBlock() {
    }

    /** Whether dialogs over {@code owner} must not be modal to it (Linux). */
    static boolean replacesModality(Window owner) {
        return owner != null && owner.getScene() != null
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** Swallows the owner's input until the returned action runs (nested blocks count). */
    static Runnable block(Window owner) {
        Scene scene = owner.getScene();
        Node root = scene.getRoot();
        int count = (Integer) root.getProperties().getOrDefault(COUNT, 0);
        root.getProperties().put(COUNT, count + 1);
        if (count == 0) {
            scene.addEventFilter(InputEvent.ANY, SWALLOW);
        }
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            int left = (Integer) root.getProperties().getOrDefault(COUNT, 1) - 1;
            root.getProperties().put(COUNT, left);
            if (left == 0) {
                scene.removeEventFilter(InputEvent.ANY, SWALLOW);
            }
        };
    }
}
