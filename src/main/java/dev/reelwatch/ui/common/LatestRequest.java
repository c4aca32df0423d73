package dev.reelwatch.ui.common;

import java.util.concurrent.atomic.AtomicLong;

/** A slot for "latest request wins": each task started in it makes the results of earlier ones stale. */
public final class LatestRequest {
    private final AtomicLong generation = new AtomicLong();

    long next() {
        return generation.incrementAndGet();
    }

    boolean isCurrent(long ticket) {
        return generation.get() == ticket;
    }

    /** Makes every task started so far stale, e.g. when the screen is closed or its subject changes. */
    public void invalidate() {
        generation.incrementAndGet();
    }
}
