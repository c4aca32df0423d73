package dev.reelwatch.sync;

import dev.reelwatch.store.StoredTask;

import java.util.List;

/**
 * How a wait ended: each task as last stored, in the order asked; {@code unanswered} the tasks not cached that the
 * provider never answered about (trouble until the time ran out); {@code timedOut} when time ran out first.
 */
public record WaitResult(List<StoredTask> tasks, List<WaitTarget> unanswered, boolean timedOut) {

    public WaitResult {
        tasks = List.copyOf(tasks);
        unanswered = List.copyOf(unanswered);
    }

    public long succeeded() {
        return tasks.stream().filter(t -> t.task().status() == dev.reelwatch.core.TaskStatus.SUCCEEDED).count();
    }

    /** Finished without success: failed, cancelled or expired. */
    public long unsuccessful() {
        return tasks.stream().filter(t -> t.task().status().isTerminal()
                && t.task().status() != dev.reelwatch.core.TaskStatus.SUCCEEDED).count();
    }

    public long unfinished() {
        return tasks.stream().filter(t -> !t.task().status().isTerminal()).count() + unanswered.size();
    }
}
