package dev.reelwatch.app;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.Supplier;

/**
 * A place in the window whose content is built on first use: when it is first shown, and never before the
 * window's first frame. The start-up frame then only holds what it shows (the task table), and the detail pane,
 * player and library panel follow in the next turn — or not at all while the pane stays hidden.
 */
final class LazyPane extends StackPane {
    private final Supplier<? extends Node> content;
    private Node built;
    private boolean firstFrameDone;

    LazyPane(Supplier<? extends Node> content) {
        this.content = content;
        getStyleClass().add("lazy-pane");
        InvalidationListener check = o -> buildIfShown();
        visibleProperty().addListener(check);
        parentProperty().addListener(check);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !firstFrameDone) {
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    firstFrameDone = true;
                    // After this pulse has been rendered: the next turn of the FX thread.
                    javafx.application.Platform.runLater(this::buildIfShown);
                };
                scene.addPostLayoutPulseListener(once[0]);
            } else {
                buildIfShown();
            }
        });
    }

    private void buildIfShown() {
        if (built == null && firstFrameDone && getScene() != null && getParent() != null && isVisible()) {
            built();
        }
    }

    /** The content, built now if it was not yet (e.g. to move the keyboard focus into it). */
    Node built() {
        if (built == null) {
            built = content.get();
            getChildren().setAll(built);
        }
        return built;
    }

    boolean isBuilt() {
        return built != null;
    }

    @Override
    public void requestFocus() {
        built().requestFocus();
    }
}
