package dev.reelwatch.ui.common;

import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskChangeListener;
import dev.reelwatch.store.TaskStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Brings the store's change events to the UI: collects the changed ids from writer threads and delivers them
 * coalesced, on the UI executor, to every subscriber — so a burst of 100 page writes costs one UI update.
 */
public final class StoreChangeRelay implements TaskChangeListener, AutoCloseable {
    private final TaskStore store;
    private final Executor ui;
    private final List<Consumer<TaskChange>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Set<Long> pendingChanged = new HashSet<>();
    private Set<Long> pendingRemoved = new HashSet<>();
    private boolean scheduled;
    private boolean closed;

    public StoreChangeRelay(TaskStore store, Executor ui) {
        this.store = store;
        this.ui = ui;
        store.addListener(this);
    }

    /** Subscribers are called on the UI executor. */
    public void subscribe(Consumer<TaskChange> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<TaskChange> subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public void tasksChanged(TaskChange change) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingChanged.addAll(change.changed());
            pendingRemoved.addAll(change.removed());
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        ui.execute(this::deliver);
    }

    private void deliver() {
        TaskChange batch;
        synchronized (lock) {
            if (closed) {
                // A batch queued before close() must not reach subscribers whose executors are shut down.
                return;
            }
            pendingChanged.removeAll(pendingRemoved);
            batch = new TaskChange(pendingChanged, pendingRemoved);
            pendingChanged = new HashSet<>();
            pendingRemoved = new HashSet<>();
            scheduled = false;
        }
        for (Consumer<TaskChange> s : subscribers) {
            s.accept(batch);
        }
    }

    @Override
    public void close() {
        store.removeListener(this);
        synchronized (lock) {
            closed = true;
        }
        subscribers.clear();
    }
}
