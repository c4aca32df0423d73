package dev.reelwatch.store;

import dev.reelwatch.core.TaskStatus;

import java.util.Set;

/**
 * A filter over the cache, newest first. Empty set / null / blank mean "no filter". {@code search} is matched
 * with full-text search over prompt, model and ids (prefix matching per word). {@code limit} 0 means no limit.
 * {@code includeRawJson} false leaves {@code Task.rawJson} as "{}" to keep large listings light.
 */
public record TaskQuery(Set<TaskStatus> statuses, Long accountId, String search, int limit, int offset,
                        boolean includeRawJson) {

    public TaskQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static TaskQuery all() {
        return new TaskQuery(Set.of(), null, null, 0, 0, false);
    }
}
