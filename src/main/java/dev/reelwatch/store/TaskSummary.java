package dev.reelwatch.store;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cached task as a list shows it, read in one lean query: no raw JSON, parameters or output rows, just the
 * first video's URL and whether a file is in the library. {@code progress}, {@code etaSeconds},
 * {@code completedAt}, {@code duration}, {@code resolution}, {@code aspectRatio}, {@code cost},
 * {@code videoUrl} and {@code error} may be null.
 *
 * @param videoUrl the URL of the first video output (else of the first output), as {@code Task.primaryVideo()}
 * @param archived whether an output's file is archived in the library, as {@code StoredTask.localFile()}
 * @param tags the task's tags in the library, sorted; {@code note} may be null
 * @param firstSeenAt when Reelwatch first saw the task (its own clock; null only for hand-made summaries)
 * @param finishedSeenAt when Reelwatch first saw it finished; null until then
 * @param hasImage whether the provider gave an image (thumbnail URL) for the task
 */
public record TaskSummary(long id, long accountId, String accountName, ProviderKind provider, String providerTaskId,
                          TaskStatus status, String providerStatus, Integer progress, Integer etaSeconds, String prompt,
                          String model, Instant createdAt, Instant completedAt, Duration duration, String resolution,
                          String aspectRatio, Cost cost, String videoUrl, boolean onProvider, boolean archived,
                          TaskError error, boolean starred, String note, List<String> tags, Instant firstSeenAt,
                          Instant finishedSeenAt, boolean hasImage) {

    public TaskSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A summary without Reelwatch's own seen times or a provider image. */
    public TaskSummary(long id, long accountId, String accountName, ProviderKind provider, String providerTaskId,
                       TaskStatus status, String providerStatus, Integer progress, Integer etaSeconds, String prompt,
                       String model, Instant createdAt, Instant completedAt, Duration duration, String resolution,
                       String aspectRatio, Cost cost, String videoUrl, boolean onProvider, boolean archived,
                       TaskError error, boolean starred, String note, List<String> tags) {
        this(id, accountId, accountName, provider, providerTaskId, status, providerStatus, progress, etaSeconds, prompt,
                model, createdAt, completedAt, duration, resolution, aspectRatio, cost, videoUrl, onProvider, archived,
                error, starred, note, tags, null, null, false);
    }

    /** A summary with Reelwatch's seen times, without a provider image. */
    public TaskSummary(long id, long accountId, String accountName, ProviderKind provider, String providerTaskId,
                       TaskStatus status, String providerStatus, Integer progress, Integer etaSeconds, String prompt,
                       String model, Instant createdAt, Instant completedAt, Duration duration, String resolution,
                       String aspectRatio, Cost cost, String videoUrl, boolean onProvider, boolean archived,
                       TaskError error, boolean starred, String note, List<String> tags, Instant firstSeenAt,
                       Instant finishedSeenAt) {
        this(id, accountId, accountName, provider, providerTaskId, status, providerStatus, progress, etaSeconds, prompt,
                model, createdAt, completedAt, duration, resolution, aspectRatio, cost, videoUrl, onProvider, archived,
                error, starred, note, tags, firstSeenAt, finishedSeenAt, false);
    }

    /** A summary with a provider-image flag, without Reelwatch's seen times. */
    public TaskSummary(long id, long accountId, String accountName, ProviderKind provider, String providerTaskId,
                       TaskStatus status, String providerStatus, Integer progress, Integer etaSeconds, String prompt,
                       String model, Instant createdAt, Instant completedAt, Duration duration, String resolution,
                       String aspectRatio, Cost cost, String videoUrl, boolean onProvider, boolean archived,
                       TaskError error, boolean starred, String note, List<String> tags, boolean hasImage) {
        this(id, accountId, accountName, provider, providerTaskId, status, providerStatus, progress, etaSeconds, prompt,
                model, createdAt, completedAt, duration, resolution, aspectRatio, cost, videoUrl, onProvider, archived,
                error, starred, note, tags, null, null, hasImage);
    }

    /** The provider's creation time, else when Reelwatch first saw the task: the list's order. */
    public Instant sortTime() {
        return createdAt != null ? createdAt : firstSeenAt;
    }

    /** The summary of a fully read task; equal to what {@link TaskStore#summaries} reads for it. */
    public static TaskSummary of(StoredTask stored) {
        Task t = stored.task();
        return new TaskSummary(stored.id(), stored.accountId(), stored.accountName(), stored.provider(),
                t.providerTaskId(), t.status(), t.providerStatus(), t.progress(), t.etaSeconds(), t.prompt(), t.model(),
                t.createdAt(), t.completedAt(), t.duration(), t.resolution(), t.aspectRatio(), t.cost(),
                t.primaryVideo().map(TaskOutput::url).orElse(null), stored.onProvider(), stored.localFile().isPresent(),
                t.error(), stored.starred(), stored.note(), stored.tags(), stored.firstSeenAt(), stored.finishedSeenAt(),
                t.thumbnailUrl() != null && !t.thumbnailUrl().isEmpty());
    }
}
