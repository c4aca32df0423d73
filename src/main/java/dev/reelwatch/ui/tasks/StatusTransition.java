package dev.reelwatch.ui.tasks;

/** A task the table already showed whose status changed in a store update. */
public record StatusTransition(TaskRow before, TaskRow after) {
}
