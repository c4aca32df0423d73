package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.time.Instant;

/** When a task entered the status it is in now, as its timeline tells (first sighting or last change). */
public record StatusEntry(long taskId, TaskStatus status, Instant at) {
}
