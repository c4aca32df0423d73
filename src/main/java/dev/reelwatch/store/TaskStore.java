package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task cache. Writes happen in one transaction per call and then notify listeners of the changed ids.
 * Implemented over SQLite by {@link SqliteTaskStore}.
 */
public interface TaskStore {

    /**
     * Inserts or updates tasks of one account (unique per account + provider task id) in one transaction.
     * A status-change event is written only when the status differs from the cached one (and once for a
     * task's first sighting). A task seen again is marked on the provider again. A task whose content is
     * identical to the cached one counts as unchanged: no event, no listener call. Outputs are matched by index:
     * their archive state survives updates unless the URL changed; when only a signed link rotated, an output
     * already ARCHIVED stays archived (same sha256, when known). Outputs the provider stops listing are dropped
     * unless ARCHIVED, so the library keeps its files.
     */
    UpsertResult upsert(long accountId, List<Task> tasks);

    Optional<StoredTask> byId(long taskId);

    Optional<StoredTask> find(long accountId, String providerTaskId);

    /** Newest first (created_at, then first seen). */
    List<StoredTask> query(TaskQuery query);

    int count(TaskQuery query);

    /**
     * The same tasks as {@link #query} (filter, order, limit and offset alike) as light {@link TaskSummary} rows
     * read in one query, for listing the whole cache quickly; {@code includeRawJson} is ignored.
     */
    List<TaskSummary> summaries(TaskQuery query);

    /** The summaries of these tasks, newest first; ids no longer in the cache are left out. */
    List<TaskSummary> summariesOf(Collection<Long> taskIds);

    /**
     * The same rows as {@link #summaries}, handed over one at a time as they are read, so a caller that keeps
     * its own compact copy (the task list over a million tasks) never holds every summary at once.
     */
    default void forEachSummary(TaskQuery query, java.util.function.Consumer<TaskSummary> each) {
        summaries(query).forEach(each);
    }

    /** Non-terminal tasks of the account that are still on the provider: the poller's fast set. */
    List<StoredTask> activeTasks(long accountId);

    /** Every provider task id cached for the account (for finding tasks the provider forgot). */
    List<String> providerTaskIds(long accountId);

    /** The newest {@code created_at} cached for the account, for incremental listing. */
    Optional<Instant> newestCreatedAt(long accountId);

    /** Marks tasks as no longer on the provider; never deletes them. Returns how many rows changed. */
    int markGoneFromProvider(long accountId, Collection<String> providerTaskIds);

    /** The observed status changes of a task, oldest first. */
    List<TaskEvent> timeline(long taskId);

    /**
     * Writes a note into the task's timeline (e.g. what a rule did to it), at the task's current status, and
     * tells listeners of the task. Nothing happens for a task no longer in the cache.
     */
    void addTimelineNote(long taskId, String detail);

    Map<TaskStatus, Integer> countsByStatus(Long accountIdOrNull);

    /** Removes tasks from local history only (their outputs and events too); the provider is not touched. */
    void removeFromHistory(Collection<Long> taskIds);

    /**
     * As {@link #removeFromHistory}, keeping a copy of every removed row (task, outputs, events, tags) so that
     * {@link #restore} can put them back as they were, ids included: the "Undo" of a removal.
     */
    RemovedTasks removeFromHistoryUndoably(Collection<Long> taskIds);

    /**
     * Puts removed tasks back with their ids, outputs, timeline, star, note and tags. A task that a sync has
     * brought back meanwhile is kept as synced (its removed copy is dropped). Returns how many came back.
     */
    int restore(RemovedTasks removed);

    /**
     * The failed tasks, newest first: of one account (null: all) that failed at or after {@code sinceOrNull}
     * (null: ever). When a task failed is its completion time, else its last update, else its creation.
     */
    List<FailedTask> failedTasks(Long accountIdOrNull, Instant sinceOrNull);

    /** The bytes of these tasks' archived files in the library (0 for none), e.g. for "3 selected · 1.2 GB". */
    long archivedBytes(Collection<Long> taskIds);

    /** Outputs of succeeded tasks that are not archived yet (state NONE or PENDING), earliest expiry first. */
    List<StoredOutput> outputsAwaitingArchive(int limit);

    /** Every output in {@code state}, by id (one indexed query, however large the cache). */
    List<StoredOutput> outputsInState(ArchiveState state);

    /** Records the archive state of one output and notifies listeners of its task. */
    void updateArchive(long outputId, ArchiveState state, String localPath, Long localBytes, String localSha256,
                       Integer downloadPercent, String archiveError);

    /** Stars or un-stars a task (local only; no sync ever changes it). Listeners hear of a real change. */
    void setStarred(long taskId, boolean starred);

    /** Sets the task's free-text note; null or blank removes it. */
    void setNote(long taskId, String note);

    /** Replaces the task's tags; each is normalised with {@link TaskTags#normalise}, empties dropped. */
    void setTags(long taskId, Collection<String> tags);

    void addTag(long taskId, String tag);

    void removeTag(long taskId, String tag);

    /**
     * Stars or un-stars many tasks in one transaction (a bulk action); listeners hear once, of the tasks that
     * changed, which are returned.
     */
    Set<Long> setStarred(Collection<Long> taskIds, boolean starred);

    /** Adds the tag to many tasks in one transaction; returns the tasks that did not have it. */
    Set<Long> addTag(Collection<Long> taskIds, String tag);

    /** Takes the tag off many tasks in one transaction; returns the tasks that had it. */
    Set<Long> removeTag(Collection<Long> taskIds, String tag);

    /** Every tag in use and how many tasks carry it, in alphabetical order. */
    Map<String, Integer> tagsWithCounts();

    void addListener(TaskChangeListener listener);

    void removeListener(TaskChangeListener listener);
}
