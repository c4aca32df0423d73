package dev.reelwatch.sync;

import java.util.List;

/**
 * The outcome of a one-shot {@link SyncPass}: one summary per account, in account order, and the names of the
 * accounts left alone because they are paused (no request was sent for them).
 */
public record SyncReport(List<AccountSyncSummary> accounts, List<String> paused) {

    public SyncReport {
        accounts = List.copyOf(accounts);
        paused = List.copyOf(paused);
    }

    public SyncReport(List<AccountSyncSummary> accounts) {
        this(accounts, List.of());
    }

    /** True when every account synced without error (also when there was no account to sync). */
    public boolean allOk() {
        return accounts.stream().allMatch(AccountSyncSummary::ok);
    }
}
