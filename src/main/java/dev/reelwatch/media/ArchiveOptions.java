package dev.reelwatch.media;

import java.time.Duration;

/**
 * How hard the archive works: parallel downloads, attempts per output, the first retry delay (doubling after
 * each failure), and how often the background service looks for work without being poked.
 */
public record ArchiveOptions(int concurrency, int attempts, Duration firstRetryDelay, Duration rescanEvery) {

    public ArchiveOptions {
        if (concurrency < 1 || attempts < 1) {
            throw new IllegalArgumentException("concurrency and attempts must be at least 1");
        }
    }

    public static ArchiveOptions defaults() {
        return new ArchiveOptions(2, 4, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration retryDelay(int attempt) {
        long ms = firstRetryDelay.toMillis();
        for (int i = 2; i < attempt && ms < 60_000; i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, 60_000));
    }
}
