package dev.reelwatch.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.util.function.BooleanSupplier;

/**
 * Work held back from a window's first frames: it runs once, on the FX thread's turn after the first pulse in
 * which {@code ready} held (the task table painted its first rows) while the node was in a scene. What the
 * start-up frames do not show then costs them nothing: no skin, no styling, no layout.
 */
public final class AfterFirstFrame {
    private final BooleanSupplier ready;
    private final Runnable action;
    private final Runnable pulseListener = this::afterPulse;
    private Scene watched;
    private boolean done;

    private AfterFirstFrame(BooleanSupplier ready, Runnable action) {
        this.ready = ready;
        this.action = action;
    }

    /** Watches {@code node}'s scenes until {@code action} has run; {@link #now()} runs it at once instead. */
    public static AfterFirstFrame watch(Node node, BooleanSupplier ready, Runnable action) {
        AfterFirstFrame after = new AfterFirstFrame(ready, action);
        node.sceneProperty().addListener((o, was, scene) -> after.follow(scene));
        after.follow(node.getScene());
        return after;
    }

    /** Whether the action has run. */
    public boolean done() {
        return done;
    }

    /** Runs the action now if it has not run: the window is past its start, and no pulse may follow a load. */
    public void now() {
        if (!done) {
            done = true;
            stopWatching();
            action.run();
        }
    }

    private void follow(Scene scene) {
        if (done || scene == watched) {
            return;
        }
        stopWatching();
        watched = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(pulseListener);
        }
    }

    private void afterPulse() {
        if (done || !ready.getAsBoolean()) {
            return;
        }
        stopWatching();
        // After this pulse has been rendered: the next turn of the FX thread.
        Platform.runLater(this::now);
    }

    private void stopWatching() {
        if (watched != null) {
            watched.removePostLayoutPulseListener(pulseListener);
            watched = null;
        }
    }
}
