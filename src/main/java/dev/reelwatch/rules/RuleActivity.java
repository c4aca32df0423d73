package dev.reelwatch.rules;

/** Something a rule did to a task, or failed to do ({@code problem}), as written into the task's timeline. */
public record RuleActivity(String ruleName, long taskId, String message, boolean problem) {
}
