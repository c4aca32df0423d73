package dev.reelwatch.ui.detail;

import dev.reelwatch.core.TaskStatus;

import java.util.List;

/** Everything the pane shows for one task, prepared off the FX thread and applied in one go. */
record DetailSnapshot(long taskId, String title, String subtitle, TaskStatus status, String statusText,
                      String providerStatus,
                      String prompt, boolean onProvider, boolean failed, String errorCode, String errorMessage,
                      String cost, List<DetailField> fields, List<TimelineEntry> timeline, List<OutputRow> outputs,
                      String rawJson) {
}
