package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Running counts over the task rows (per status group, account, tag, model and provider, and starred), kept
 * by adding and taking away single rows, so a store update costs its changed rows rather than the whole cache.
 */
final class RowTally {
    private final int[] groups = new int[StatusGroup.values().length];
    private final Map<Long, Integer> accounts = new HashMap<>();
    private final Map<String, Integer> tags = new TreeMap<>();
    private final Map<String, Integer> models = new HashMap<>();
    private final Map<ProviderKind, Integer> providers = new EnumMap<>(ProviderKind.class);
    private int starred;

    void add(TaskRow r) {
        tally(r, 1);
    }

    void remove(TaskRow r) {
        tally(r, -1);
    }

    private void tally(TaskRow r, int delta) {
        groups[StatusGroup.of(r.status()).ordinal()] += delta;
        bump(accounts, r.accountId(), delta);
        for (String t : r.tags()) {
            bump(tags, t, delta);
        }
        if (!r.model().isEmpty()) {
            bump(models, r.model(), delta);
        }
        bump(providers, r.provider(), delta);
        if (r.starred()) {
            starred += delta;
        }
    }

    private static <K> void bump(Map<K, Integer> counts, K key, int delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    int count(StatusGroup group) {
        return groups[group.ordinal()];
    }

    int starred() {
        return starred;
    }

    Map<Long, Integer> accounts() {
        return Map.copyOf(accounts);
    }

    /** Every tag with its count, alphabetical. */
    List<TagCount> tags() {
        return tags.entrySet().stream().map(e -> new TagCount(e.getKey(), e.getValue())).toList();
    }

    /** The distinct model names, alphabetical ignoring case (names differing only in case shown once). */
    List<String> models() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(models.keySet());
        return new ArrayList<>(names);
    }

    /** The providers with at least one row, in declaration order. */
    List<ProviderKind> providers() {
        return new ArrayList<>(providers.keySet());
    }
}
