package dev.reelwatch.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in submission order, on a shared background executor: a ViewModel's store
 * reads then reach the UI in the order their triggers happened, even on a multi-threaded pool.
 */
public final class SerialExecutor implements Executor {
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
        backing.execute(this::drain);
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
