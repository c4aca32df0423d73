package dev.reelwatch.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A place in the window whose content is built on first use: when it is first shown, and never before a frame
 * in which {@code ready} holds (the task table has painted its first rows). The start-up frames then only hold
 * what they show (the task table), and the detail pane, player and library panel follow in the next turn — or
 * not at all while the pane stays hidden. Panels hidden until something happens (a failing account's problem, a
 * batch's summary strip) sit in one with their visibility bound: hidden nodes are styled and laid out too.
 * Asking for the content ({@link #built()}, focus) builds it at once.
 */
public final class LazyPane extends StackPane {
    private final Supplier<? extends Node> content;
    private final AfterFirstFrame firstFrame;
    private Node built;

    public LazyPane(BooleanSupplier ready, Supplier<? extends Node> content) {
        this.content = content;
        getStyleClass().add("lazy-pane");
        InvalidationListener check = o -> buildIfShown();
        visibleProperty().addListener(check);
        parentProperty().addListener(check);
        sceneProperty().addListener(check);
        firstFrame = AfterFirstFrame.watch(this, ready, this::buildIfShown);
    }

    /** The window is past its start: build when shown, whatever the pulses said (no pulse may follow a load). */
    public void readyNow() {
        firstFrame.now();
    }

    private void buildIfShown() {
        if (built == null && firstFrame.done() && getScene() != null && getParent() != null && isVisible()) {
            built();
        }
    }

    /** The content, built now if it was not yet (e.g. to move the keyboard focus into it). */
    public Node built() {
        if (built == null) {
            built = content.get();
            getChildren().setAll(built);
        }
        return built;
    }

    public boolean isBuilt() {
        return built != null;
    }

    @Override
    public void requestFocus() {
        built().requestFocus();
    }
}
