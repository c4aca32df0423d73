package dev.reelwatch.provider;

import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;

import java.time.Instant;
import java.util.Set;

/**
 * What to list. {@code createdAfter} is null for everything; empty sets mean no filter. A listing made
 * with no filter at all is "complete" and may be used to find tasks the provider forgot.
 */
public record ListQuery(Instant createdAfter, Set<TaskStatus> statuses, Set<String> models, int pageSize) {

    public ListQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        models = models == null ? Set.of() : Set.copyOf(models);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
    }

    public static ListQuery all() {
        return new ListQuery(null, Set.of(), Set.of(), 50);
    }

    public ListQuery withPageSize(int size) {
        return new ListQuery(createdAfter, statuses, models, size);
    }

    public ListQuery createdSince(Instant since) {
        return new ListQuery(since, statuses, models, pageSize);
    }

    public boolean isUnfiltered() {
        return createdAfter == null && statuses.isEmpty() && models.isEmpty();
    }

    /** Whether the task has a wanted status and model: for providers whose list cannot filter by them. */
    public boolean wantsStatusAndModelOf(Task task) {
        if (!statuses.isEmpty() && !statuses.contains(task.status())) {
            return false;
        }
        return models.isEmpty() || (task.model() != null && models.contains(task.model()));
    }

    /** {@link #wantsStatusAndModelOf} and created since {@code createdAfter} (a task without a time is kept). */
    public boolean wants(Task task) {
        return wantsStatusAndModelOf(task)
                && (createdAfter == null || task.createdAt() == null || !task.createdAt().isBefore(createdAfter));
    }
}
