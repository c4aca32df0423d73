package dev.reelwatch.store;

/** Told after each committed write which tasks changed; called on the writing thread. */
@FunctionalInterface
public interface TaskChangeListener {
    void tasksChanged(TaskChange change);
}
