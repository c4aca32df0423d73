package dev.reelwatch.core;

import java.time.Instant;
import java.util.Map;

/**
 * How an account's syncing is going: when it last worked, what went wrong last, when it is next
 * polled, and how many of its cached tasks are in each status. Nullable: the instants and the error.
 */
public record AccountHealth(long accountId, Instant lastSuccess, Instant lastAttempt, ProviderErrorKind lastErrorKind,
                            String lastErrorMessage, Instant nextPoll, boolean syncing, Map<TaskStatus, Integer> counts) {

    public AccountHealth {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public static AccountHealth unknown(long accountId) {
        return new AccountHealth(accountId, null, null, null, null, null, false, Map.of());
    }

    public boolean healthy() {
        return lastErrorKind == null;
    }
}
