package dev.reelwatch.app;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

import java.util.function.BooleanSupplier;

/**
 * With {@code -Dreelwatch.marks=true}, prints to standard output the wall-clock time of the first pulse after
 * the task table got rows ({@code REELWATCH_MARK first-paint <epoch ms>}) and of the first pulse after the
 * whole cache was loaded ({@code REELWATCH_MARK loaded <epoch ms>}), for the cold-start and memory benchmarks,
 * and the pulse gaps and row counts the FX-stall benchmark reads.
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
        watchPulses(rows);
    }

    /**
     * Keeps pulses coming (an animation timer) and prints {@code REELWATCH_MARK rows <count>} whenever the
     * table's row count changed and {@code REELWATCH_MARK gap <ms>} for every gap between pulses over 50 ms:
     * how long the FX thread was held up, for the stall benchmark.
     */
    private static void watchPulses(ObservableList<?> rows) {
        new AnimationTimer() {
            private long last;
            private int count = -1;

            @Override
            public void handle(long now) {
                if (last != 0 && now - last > 50_000_000L) {
                    System.out.println("REELWATCH_MARK gap " + (now - last) / 1_000_000L);
                }
                last = now;
                if (rows.size() != count) {
                    count = rows.size();
                    System.out.println("REELWATCH_MARK rows " + count);
                }
            }
        }.start();
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
