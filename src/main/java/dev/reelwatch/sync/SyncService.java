package dev.reelwatch.sync;

/**
 * The background poller: the only writer of provider data into the store. Implemented by
 * {@link PollingSyncService}.
 */
public interface SyncService extends AutoCloseable {

    /** Starts polling every enabled account: an initial full sync, then incremental passes. */
    void start();

    /** Stops all polling threads; returns within about a second. */
    @Override
    void close();

    /** Runs a pass for every enabled account at once ("Refresh", F5). */
    void refreshNow();

    /** Runs a pass for one account at once (after it was added or edited). */
    void refreshAccount(long accountId);

    /** Refreshes one cached task from its provider at once. */
    void refreshTask(long taskId);

    /**
     * The set of accounts changed (added, edited, removed, enabled, paused or resumed, or all syncing paused):
     * start or stop their pollers.
     */
    void accountsChanged();

    SyncStatus status();

    void addStatusListener(SyncStatusListener listener);

    void removeStatusListener(SyncStatusListener listener);
}
