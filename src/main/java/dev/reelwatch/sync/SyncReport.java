package dev.reelwatch.sync;

import java.util.List;

/** The outcome of a one-shot {@link SyncPass}: one summary per account, in account order. */
public record SyncReport(List<AccountSyncSummary> accounts) {

    public SyncReport {
        accounts = List.copyOf(accounts);
    }

    /** True when every account synced without error (also when there was no account to sync). */
    public boolean allOk() {
        return accounts.stream().allMatch(AccountSyncSummary::ok);
    }
}
