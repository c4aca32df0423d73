package dev.reelwatch.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one after another, in submission order, on a shared background executor: a ViewModel's store
 * reads then reach the UI in the order their triggers happened, even on a multi-threaded pool.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());
    private final Executor backing;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor backing) {
        this.backing = backing;
    }

    @Override
    public void execute(Runnable command) {
        synchronized (queue) {
            queue.add(command);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            backing.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            // The app is closing and its background pool is gone: what was queued can no longer run.
            synchronized (queue) {
                queue.clear();
                running = false;
            }
            LOG.log(Level.FINE, "background work dropped at shutdown", shuttingDown);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}
