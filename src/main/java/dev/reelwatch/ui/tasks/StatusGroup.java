package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.TaskStatus;

import java.util.EnumSet;
import java.util.Set;

/** The status groups of the sidebar; cancelled and expired share one, since neither needs attention. */
public enum StatusGroup {
    RUNNING(EnumSet.of(TaskStatus.RUNNING)),
    QUEUED(EnumSet.of(TaskStatus.QUEUED)),
    SUCCEEDED(EnumSet.of(TaskStatus.SUCCEEDED)),
    FAILED(EnumSet.of(TaskStatus.FAILED)),
    ENDED(EnumSet.of(TaskStatus.CANCELLED, TaskStatus.EXPIRED));

    private final Set<TaskStatus> statuses;

    StatusGroup(Set<TaskStatus> statuses) {
        this.statuses = Set.copyOf(statuses);
    }

    public Set<TaskStatus> statuses() {
        return statuses;
    }

    public static StatusGroup of(TaskStatus status) {
        for (StatusGroup g : values()) {
            if (g.statuses.contains(status)) {
                return g;
            }
        }
        throw new IllegalArgumentException(String.valueOf(status));
    }
}
