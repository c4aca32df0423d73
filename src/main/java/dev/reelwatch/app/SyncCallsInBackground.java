package dev.reelwatch.app;

import dev.reelwatch.sync.SyncService;
import dev.reelwatch.sync.SyncStatus;
import dev.reelwatch.sync.SyncStatusListener;
import dev.reelwatch.ui.common.SerialExecutor;

import java.util.concurrent.Executor;

/**
 * The poller as the window sees it: the calls that read the cache (start, accounts changed, refresh one account
 * or task) are handed to a background thread in the order they came, so the FX thread never waits for the
 * database's lock while a sync page or a long read holds it (it once waited 150 ms at start-up). The rest (a
 * refresh of everything, the status and its listeners, close) touch only memory and stay on the caller's thread.
 */
final class SyncCallsInBackground implements SyncService {
    private final SyncService sync;
    private final Executor inOrder;

    SyncCallsInBackground(SyncService sync, Executor background) {
        this.sync = sync;
        this.inOrder = new SerialExecutor(background);
    }

    @Override
    public void start() {
        inOrder.execute(sync::start);
    }

    @Override
    public void accountsChanged() {
        inOrder.execute(sync::accountsChanged);
    }

    @Override
    public void refreshAccount(long accountId) {
        inOrder.execute(() -> sync.refreshAccount(accountId));
    }

    @Override
    public void refreshTask(long taskId) {
        inOrder.execute(() -> sync.refreshTask(taskId));
    }

    @Override
    public void refreshNow() {
        sync.refreshNow();
    }

    @Override
    public SyncStatus status() {
        return sync.status();
    }

    @Override
    public void addStatusListener(SyncStatusListener listener) {
        sync.addStatusListener(listener);
    }

    @Override
    public void removeStatusListener(SyncStatusListener listener) {
        sync.removeStatusListener(listener);
    }

    @Override
    public void close() {
        sync.close();
    }
}
