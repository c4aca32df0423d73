package dev.reelwatch.sync;

import dev.reelwatch.core.AccountHealth;

import java.util.Map;

/**
 * A snapshot of the poller for status displays: whether we are offline (no account reachable because the
 * network is gone), each account's health by account id, and how many requests are in flight.
 */
public record SyncStatus(boolean offline, Map<Long, AccountHealth> health, int requestsInFlight) {

    public SyncStatus {
        health = Map.copyOf(health);
    }
}
