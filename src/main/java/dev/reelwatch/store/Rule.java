package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rule as stored: when a task first shows one of the {@code when} statuses and meets the conditions, the actions
 * run once for it. {@code activeSince} is when the rule was created or last enabled: only status changes observed
 * from then on fire it (older tasks are for {@code rules run}).
 */
public record Rule(long id, String name, boolean enabled, Set<TaskStatus> when, RuleConditions conditions,
                   RuleActions actions, Instant createdAt, Instant activeSince) {

    public Rule {
        when = when == null || when.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(when));
        conditions = conditions == null ? RuleConditions.any() : conditions;
        actions = actions == null ? RuleActions.none() : actions;
    }

    /** A rule not stored yet (id 0, times set by the store). */
    public static Rule draft(String name, boolean enabled, Set<TaskStatus> when, RuleConditions conditions,
                             RuleActions actions) {
        return new Rule(0, name, enabled, when, conditions, actions, null, null);
    }

    /** Whether the rule applies to this task as it is now (status and conditions). */
    public boolean appliesTo(TaskSummary task) {
        return when.contains(task.status()) && conditions.matches(task);
    }
}
