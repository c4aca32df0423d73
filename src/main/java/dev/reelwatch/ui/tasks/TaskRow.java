package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the task table: just what the table shows, sorts and searches (no raw JSON), with a
 * precomputed lower-case search key so filtering 100,000 rows is a string scan.
 */
public record TaskRow(long id, long accountId, String accountName, ProviderKind provider, String providerTaskId,
                      TaskStatus status, String providerStatus, Integer progress, Integer etaSeconds, String prompt,
                      String promptFirstLine, String model, Instant createdAt, Instant completedAt,
                      Duration duration, String resolution, String aspectRatio, Cost cost, String videoUrl,
                      boolean onProvider, boolean archived, String errorMessage, String searchKey,
                      boolean starred, java.util.List<String> tags, String note, Instant firstSeenAt) {

    public TaskRow {
        tags = tags == null ? java.util.List.of() : java.util.List.copyOf(tags);
        note = note == null ? "" : note;
    }

    public static TaskRow of(StoredTask stored) {
        return of(TaskSummary.of(stored));
    }

    public static TaskRow of(TaskSummary t) {
        String prompt = t.prompt() == null ? "" : t.prompt();
        String model = t.model() == null ? "" : t.model();
        String error = t.error() == null ? null
                : (t.error().message().isEmpty() ? t.error().code() : t.error().message());
        String note = t.note() == null ? "" : t.note();
        String key = (t.providerTaskId() + '\n' + t.id() + '\n' + prompt + '\n' + model + '\n'
                + t.accountName() + '\n' + note + '\n' + String.join("\n", t.tags())).toLowerCase(Locale.ROOT);
        return new TaskRow(t.id(), t.accountId(), t.accountName(), t.provider(), t.providerTaskId(), t.status(),
                t.providerStatus(), t.progress(), t.etaSeconds(), prompt, firstLine(prompt), model, t.createdAt(),
                t.completedAt(), t.duration(), t.resolution(), t.aspectRatio(), t.cost(), t.videoUrl(),
                t.onProvider(), t.archived(), error, key, t.starred(), t.tags(), note, t.firstSeenAt());
    }

    /** As {@code Task.promptFirstLine()}. */
    private static String firstLine(String prompt) {
        if (prompt.isBlank()) {
            return "";
        }
        String trimmed = prompt.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** The provider's creation time, else when Reelwatch first saw the task: how the Created column sorts. */
    public Instant sortTime() {
        return createdAt != null ? createdAt : firstSeenAt;
    }

    /** "1920×1080 · 16:9", or whichever half is known. */
    public String resolutionAndRatio() {
        String res = resolution == null ? "" : resolution.replace('x', '×');
        String ratio = aspectRatio == null ? "" : aspectRatio;
        if (res.isEmpty() || ratio.isEmpty()) {
            return res + ratio;
        }
        return res + " · " + ratio;
    }

    public String costText() {
        return cost == null ? "" : cost.display();
    }

    /** The first few words of the prompt, for notifications. */
    public String promptOpening(int words) {
        String[] parts = promptFirstLine.split("\\s+");
        if (parts.length <= words) {
            return promptFirstLine;
        }
        return String.join(" ", java.util.Arrays.copyOf(parts, words)) + "…";
    }

    /** Progress 0..1 for the bar: finished tasks are full, unknown progress is -1 (indeterminate). */
    public double progressFraction() {
        if (status == TaskStatus.SUCCEEDED) {
            return 1.0;
        }
        if (status.isTerminal()) {
            return progress == null ? 0 : progress / 100.0;
        }
        return progress == null ? -1 : progress / 100.0;
    }
}
