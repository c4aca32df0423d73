package dev.reelwatch.store;

import java.util.Set;

/** Which tasks a write touched; {@code removed} holds ids deleted from the cache (remove from history). */
public record TaskChange(Set<Long> changed, Set<Long> removed) {

    public TaskChange {
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
