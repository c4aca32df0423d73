package dev.reelwatch.store;

import java.time.Instant;

/**
 * The record that a rule fired for a task (it fires only once per task), with how its export went:
 * {@code exportState} is null without an export, else "pending", "done" or "failed".
 */
public record RuleFiring(long ruleId, long taskId, Instant firedAt, String exportState, String exportPath,
                         String exportError) {
}
