package dev.reelwatch.core;

import java.time.Instant;
import java.util.Map;

/**
 * How an account's syncing is going: when it last worked, what went wrong last, when it is next
 * polled, how many of its cached tasks are in each status, and how many listed items the last listing could
 * not read (skipped, never stored). Nullable: the instants and the error.
 */
public record AccountHealth(long accountId, Instant lastSuccess, Instant lastAttempt, ProviderErrorKind lastErrorKind,
                            String lastErrorMessage, Instant nextPoll, boolean syncing, Map<TaskStatus, Integer> counts,
                            int unreadableItems) {

    public AccountHealth {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        unreadableItems = Math.max(0, unreadableItems);
    }

    /** Health with no unreadable items. */
    public AccountHealth(long accountId, Instant lastSuccess, Instant lastAttempt, ProviderErrorKind lastErrorKind,
                         String lastErrorMessage, Instant nextPoll, boolean syncing, Map<TaskStatus, Integer> counts) {
        this(accountId, lastSuccess, lastAttempt, lastErrorKind, lastErrorMessage, nextPoll, syncing, counts, 0);
    }

    public static AccountHealth unknown(long accountId) {
        return new AccountHealth(accountId, null, null, null, null, null, false, Map.of());
    }

    public boolean healthy() {
        return lastErrorKind == null;
    }
}
