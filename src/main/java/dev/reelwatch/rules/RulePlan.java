package dev.reelwatch.rules;

import dev.reelwatch.store.Rule;
import dev.reelwatch.store.TaskSummary;

/** What {@code rules run} does (or with {@code --dry-run} would do) for one task: "tag client-a, star". */
public record RulePlan(Rule rule, TaskSummary task, String actions) {
}
