package dev.reelwatch.ui.notify;

import dev.reelwatch.core.TaskStatus;

/** One desktop notification about finished work; {@code taskId} is null for a summary of several tasks. */
public record TaskNotice(String title, String text, TaskStatus status, Long taskId) {
}
