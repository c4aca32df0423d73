package dev.reelwatch.app;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

import java.util.function.BooleanSupplier;

/**
 * With {@code -Dreelwatch.marks=true}, prints to standard output the wall-clock time of the first pulse after
 * the task table got rows ({@code REELWATCH_MARK first-paint <epoch ms>}) and of the first pulse after the
 * whole cache was loaded ({@code REELWATCH_MARK loaded <epoch ms>}), for the cold-start and memory benchmarks.
 */
final class StartupMarks {
    static final String PROPERTY = "reelwatch.marks";

    private StartupMarks() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void watch(Scene scene, ObservableList<?> rows, ObservableValue<Boolean> loaded) {
        markAtPulse(scene, "first-paint", () -> !rows.isEmpty());
        ChangeListener<Boolean> onLoaded = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    loaded.removeListener(this);
                    markAtPulse(scene, "loaded", () -> true);
                    // A pulse must follow the change even when nothing on screen moved.
                    scene.getRoot().requestLayout();
                }
            }
        };
        loaded.addListener(onLoaded);
    }

    /** Prints {@code name} at the first pulse (after layout) at which {@code ready} holds. */
    private static void markAtPulse(Scene scene, String name, BooleanSupplier ready) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (ready.getAsBoolean()) {
                System.out.println("REELWATCH_MARK " + name + " " + System.currentTimeMillis());
                System.out.flush();
                scene.removePostLayoutPulseListener(self[0]);
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
