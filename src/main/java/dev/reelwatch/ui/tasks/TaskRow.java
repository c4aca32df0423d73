package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;

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
                      boolean starred, java.util.List<String> tags, String note) {

    public TaskRow {
        tags = tags == null ? java.util.List.of() : java.util.List.copyOf(tags);
        note = note == null ? "" : note;
    }

    public static TaskRow of(StoredTask stored) {
        Task t = stored.task();
        String prompt = t.prompt() == null ? "" : t.prompt();
        String model = t.model() == null ? "" : t.model();
        String url = t.primaryVideo().map(TaskOutput::url).orElse(null);
        String error = t.error() == null ? null
                : (t.error().message().isEmpty() ? t.error().code() : t.error().message());
        String key = (t.providerTaskId() + '\n' + stored.id() + '\n' + prompt + '\n' + model + '\n'
                + stored.accountName() + '\n' + (stored.note() == null ? "" : stored.note()) + '\n'
                + String.join("\n", stored.tags())).toLowerCase(Locale.ROOT);
        return new TaskRow(stored.id(), stored.accountId(), stored.accountName(), stored.provider(),
                t.providerTaskId(), t.status(), t.providerStatus(), t.progress(), t.etaSeconds(), prompt,
                t.promptFirstLine(), model, t.createdAt(), t.completedAt(), t.duration(), t.resolution(),
                t.aspectRatio(), t.cost(), url, stored.onProvider(), stored.localFile().isPresent(), error, key,
                stored.starred(), stored.tags(), stored.note());
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
