package dev.reelwatch.ui.bulk;

import java.util.Objects;

/**
 * What a batch did to one task: done, skipped (with why, e.g. "link expired") or failed (with why, e.g.
 * "disk full"); {@code detail} is the full message for the details list, {@code label} names the task.
 */
public record BulkOutcome(long taskId, String label, Result result, String reason, String detail) {

    /** How one task fared. */
    public enum Result { DONE, SKIPPED, FAILED }

    public BulkOutcome {
        Objects.requireNonNull(result, "result");
        reason = reason == null ? "" : reason;
        detail = detail == null || detail.isBlank() ? reason : detail;
    }

    static BulkOutcome done(long taskId, String label) {
        return new BulkOutcome(taskId, label, Result.DONE, "", "");
    }

    static BulkOutcome skipped(long taskId, String label, String reason) {
        return new BulkOutcome(taskId, label, Result.SKIPPED, reason, reason);
    }

    static BulkOutcome failed(long taskId, String label, String reason, String detail) {
        return new BulkOutcome(taskId, label, Result.FAILED, reason, detail);
    }

    BulkOutcome withDetail(String fullMessage) {
        return new BulkOutcome(taskId, label, result, reason, fullMessage);
    }
}
