package dev.reelwatch.ui.tasks;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A once-a-second tick on the FX thread for relative times ("12 s ago"): each cell re-renders only when its own
 * text would change (every second under a minute, then at each new minute, hour, day). A scheduled thread, not
 * an animation, drives it, so an idle window asks for no pulses in between.
 */
final class TimeTicks {
    private final ReadOnlyLongWrapper tick = new ReadOnlyLongWrapper(this, "tick");
    private ScheduledExecutorService clock;
    private ScheduledFuture<?> running;

    /** Starts ticking (again); the thread is a daemon and stops with {@link #stop()}. */
    void start() {
        if (running != null) {
            return;
        }
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reelwatch-time-ticks");
                t.setDaemon(true);
                return t;
            });
        }
        running = clock.scheduleAtFixedRate(() -> Platform.runLater(() -> tick.set(tick.get() + 1)),
                1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    /** Counts up once a second. */
    ReadOnlyLongProperty tickProperty() {
        return tick.getReadOnlyProperty();
    }

    /**
     * When a relative time for something at {@code atMillis}, read at {@code nowMillis}, next reads differently:
     * the next second under a minute, then the next whole minute, hour or day of its age.
     */
    static long nextChange(long atMillis, long nowMillis) {
        long age = nowMillis - atMillis;
        if (age < 0) {
            return nowMillis + 1000;
        }
        long step = age < 60_000 ? 1000 : age < 3_600_000 ? 60_000 : age < 86_400_000 ? 3_600_000 : 86_400_000;
        return atMillis + (age / step + 1) * step;
    }
}
