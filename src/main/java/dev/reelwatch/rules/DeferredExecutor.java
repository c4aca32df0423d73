package dev.reelwatch.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Holds work until {@link #runPending()}: the command line's rule exports wait until the command has done its own
 * downloads, so two downloads of one video never race, and run before the process exits.
 */
public final class DeferredExecutor implements Executor {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        pending.add(command);
    }

    /** Runs everything queued, including work queued meanwhile, on the calling thread. */
    public void runPending() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return pending.poll();
    }
}
