package dev.reelwatch.app;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * While the launcher thread opens the cache, the FX thread has nothing to do: this gives it two of the first
 * frame's fixed costs that depend on nothing of ours. The first control parses JavaFX's default stylesheet, and
 * the first pop-up loads the pop-up window classes (the task table's context menu and its cells' tooltips).
 * Run on the FX thread from {@code init}. Kept this small: a warm-up that outlasts the cache's opening holds up
 * {@code start} by as much as it saves.
 */
final class FirstFrameWarmUp implements Runnable {

    @Override
    public void run() {
        new Label();
        new ContextMenu();
        new Tooltip();
    }
}
