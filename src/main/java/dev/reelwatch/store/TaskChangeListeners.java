package dev.reelwatch.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners of one cache, shared by its stores so that every write that touches tasks is announced. */
final class TaskChangeListeners {
    private static final System.Logger LOG = System.getLogger(TaskChangeListeners.class.getName());

    private final List<TaskChangeListener> listeners = new CopyOnWriteArrayList<>();

    void add(TaskChangeListener listener) {
        listeners.add(listener);
    }

    void remove(TaskChangeListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; one that throws is logged and does not stop the others or the write. */
    void fire(Set<Long> changed, Set<Long> removed) {
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        TaskChange change = new TaskChange(changed, removed);
        for (TaskChangeListener listener : listeners) {
            try {
                listener.tasksChanged(change);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A task change listener failed", e);
            }
        }
    }
}
