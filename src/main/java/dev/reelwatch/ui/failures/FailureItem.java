package dev.reelwatch.ui.failures;

import dev.reelwatch.store.FailureGroup;

import java.util.List;

/**
 * One line of the Failures view: the group, its cause in plain words, the provider's own message, who and when,
 * and the failures of each of the last 30 days (oldest first) for the trend.
 */
public record FailureItem(FailureGroup group, FailureCause cause, String causeText, String title,
                          String providerMessage, String details, List<Integer> lastThirtyDays, int recentCount) {

    public FailureItem {
        lastThirtyDays = List.copyOf(lastThirtyDays);
    }

    public int count() {
        return group.count();
    }

    /** The biggest day of the trend (at least 1), for scaling its bars. */
    public int trendPeak() {
        return Math.max(1, lastThirtyDays.stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}
