package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.util.Set;

/**
 * A filter over the cache, newest first. Empty set / null / blank mean "no filter". {@code search} is matched
 * with full-text search over prompt, model, ids, note and tags (prefix matching per word). {@code limit} 0
 * means no limit. {@code includeRawJson} false leaves {@code Task.rawJson} as "{}" to keep large listings
 * light. {@code starredOnly} keeps starred tasks; {@code tag} keeps tasks with that tag (any case).
 */
public record TaskQuery(Set<TaskStatus> statuses, Long accountId, String search, int limit, int offset,
                        boolean includeRawJson, boolean starredOnly, String tag) {

    public TaskQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        tag = tag == null || tag.isBlank() ? null : TaskTags.normalise(tag);
    }

    /** A query without the library filters (star, tag). */
    public TaskQuery(Set<TaskStatus> statuses, Long accountId, String search, int limit, int offset,
                     boolean includeRawJson) {
        this(statuses, accountId, search, limit, offset, includeRawJson, false, null);
    }

    public static TaskQuery all() {
        return new TaskQuery(Set.of(), null, null, 0, 0, false);
    }

    public TaskQuery withStarredOnly(boolean only) {
        return new TaskQuery(statuses, accountId, search, limit, offset, includeRawJson, only, tag);
    }

    public TaskQuery withTag(String wanted) {
        return new TaskQuery(statuses, accountId, search, limit, offset, includeRawJson, starredOnly, wanted);
    }
}
