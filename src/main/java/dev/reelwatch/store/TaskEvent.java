package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.time.Instant;

/** One status change we observed: the task's timeline. {@code from} is null for the first sighting. */
public record TaskEvent(long taskId, Instant at, TaskStatus from, TaskStatus to, String providerStatus) {
}
