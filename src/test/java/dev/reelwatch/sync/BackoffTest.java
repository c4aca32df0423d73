package dev.reelwatch.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void delayDoublesPerFailureWithinJitterAndStopsAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 42);
        for (int round = 0; round < 50; round++) {
            assertBetween(backoff.delay(1), 1_000, 2_000);
            assertBetween(backoff.delay(2), 2_000, 4_000);
            assertBetween(backoff.delay(3), 4_000, 8_000);
            assertBetween(backoff.delay(10), 30_000, 60_000);
            assertBetween(backoff.delay(1_000), 30_000, 60_000);
        }
    }

    @Test
    void jitterSpreadsRetriesOfTheSameFailureCount() {
        Backoff backoff = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(60), 7);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 100; i++) {
            long ms = backoff.delay(1).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(max - min > 1_000, "delays should differ, got " + min + ".." + max);
    }

    private static void assertBetween(Duration d, long lowMs, long highMs) {
        long ms = d.toMillis();
        assertTrue(ms >= lowMs && ms <= highMs, ms + " ms not within " + lowMs + ".." + highMs);
    }
}
