package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.time.Instant;

/**
 * One entry of a task's timeline: a status change we observed ({@code from} is null for the first sighting), or,
 * when {@code detail} is set, a note about something done to the task (a rule tagged or exported it) while it
 * was in status {@code to}.
 */
public record TaskEvent(long taskId, Instant at, TaskStatus from, TaskStatus to, String providerStatus,
                        String detail) {

    /** A status change. */
    public TaskEvent(long taskId, Instant at, TaskStatus from, TaskStatus to, String providerStatus) {
        this(taskId, at, from, to, providerStatus, null);
    }

    /** Whether this entry is a note rather than a status change. */
    public boolean isNote() {
        return detail != null;
    }
}
