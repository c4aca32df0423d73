package dev.reelwatch.sync;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits between requests of a blocking command ({@code reelwatch wait}, a rule's export retry). Injected so tests
 * move a simulated clock instead of waiting; {@link #system()} really waits.
 */
@FunctionalInterface
public interface Sleeper {

    /** Returns after {@code d} (at once for zero or less); throws when the thread is interrupted meanwhile. */
    void sleep(Duration d) throws InterruptedException;

    /** Waits in real time, ending early with an {@link InterruptedException} on interrupt. */
    static Sleeper system() {
        return d -> {
            long deadline = System.nanoTime() + Math.max(0, d.toNanos());
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting");
                }
            }
        };
    }
}
