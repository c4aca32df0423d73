package dev.reelwatch.store;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task as the cache holds it: the provider's view ({@code task}) plus what only we know. {@code id} is the
 * local row id, stable for the life of the cache. {@code onProvider} turns false when the provider no longer
 * has the task (404, or absent from a complete listing); the task stays in history. {@code starred},
 * {@code note} (null when none) and {@code tags} (normalised, sorted) are the user's own and never come from a
 * provider, so no sync touches them. {@code firstSeenAt} and {@code finishedSeenAt} (null until seen finished)
 * are Reelwatch's own clock, never the provider's: they stand in where a provider gives no time
 * (MoneyPrinterTurbo gives none) and are labelled as such wherever shown.
 */
public record StoredTask(long id, long accountId, String accountName, ProviderKind provider, Task task,
                         boolean onProvider, Instant firstSeenAt, Instant lastSyncedAt, List<StoredOutput> outputs,
                         boolean starred, String note, List<String> tags, Instant finishedSeenAt) {

    public StoredTask {
        outputs = List.copyOf(outputs);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A task not yet seen finished. */
    public StoredTask(long id, long accountId, String accountName, ProviderKind provider, Task task,
                      boolean onProvider, Instant firstSeenAt, Instant lastSyncedAt, List<StoredOutput> outputs,
                      boolean starred, String note, List<String> tags) {
        this(id, accountId, accountName, provider, task, onProvider, firstSeenAt, lastSyncedAt, outputs, starred,
                note, tags, null);
    }

    /** The provider's creation time, else when Reelwatch first saw the task: what lists sort and charts count by. */
    public Instant sortTime() {
        return task.createdAt() != null ? task.createdAt() : firstSeenAt;
    }

    /**
     * How long the task took by Reelwatch's own observation (first seen to seen finished), for tasks whose
     * provider gives no times; empty when it was already finished when first seen.
     */
    public Optional<java.time.Duration> observedRunTime() {
        if (firstSeenAt == null || finishedSeenAt == null || !finishedSeenAt.isAfter(firstSeenAt)) {
            return Optional.empty();
        }
        return Optional.of(java.time.Duration.between(firstSeenAt, finishedSeenAt));
    }

    /** A task with no star, note or tags. */
    public StoredTask(long id, long accountId, String accountName, ProviderKind provider, Task task,
                      boolean onProvider, Instant firstSeenAt, Instant lastSyncedAt, List<StoredOutput> outputs) {
        this(id, accountId, accountName, provider, task, onProvider, firstSeenAt, lastSyncedAt, outputs, false,
                null, List.of(), null);
    }

    /** The archived file of the first video output, if it is in the library. */
    public Optional<String> localFile() {
        return outputs.stream()
                .filter(o -> o.archiveState() == dev.reelwatch.core.ArchiveState.ARCHIVED && o.localPath() != null)
                .map(StoredOutput::localPath)
                .findFirst();
    }
}
