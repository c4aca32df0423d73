package dev.reelwatch.store;

import java.util.List;

/** What a batch upsert did, by local task id. {@code statusChanged} is a subset of {@code changed}. */
public record UpsertResult(List<Long> inserted, List<Long> changed, List<Long> statusChanged, int unchanged) {

    public UpsertResult {
        inserted = List.copyOf(inserted);
        changed = List.copyOf(changed);
        statusChanged = List.copyOf(statusChanged);
    }
}
