package dev.reelwatch.sync;

import java.time.Duration;
import java.util.SplittableRandom;

/** Exponential backoff with jitter: base·2^(n−1) capped, then scaled by a random factor in [0.5, 1]. */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final SplittableRandom random;

    Backoff(Duration base, Duration cap, long seed) {
        this.base = base;
        this.cap = cap;
        this.random = new SplittableRandom(seed);
    }

    /** The delay after the {@code failures}-th failure in a row (1 for the first). */
    synchronized Duration delay(int failures) {
        long capMs = cap.toMillis();
        long ms = base.toMillis();
        for (int i = 1; i < failures && ms < capMs; i++) {
            ms *= 2;
        }
        ms = Math.min(ms, capMs);
        // Equal jitter keeps at least half the delay, so retries never bunch up at zero.
        long half = ms / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)) + (ms % 2));
    }
}
