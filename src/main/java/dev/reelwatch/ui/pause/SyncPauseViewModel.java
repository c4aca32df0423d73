package dev.reelwatch.ui.pause;

import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.sync.SyncPause;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.ProblemReporter;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Pausing (issue 15): one account at a time (sidebar, Accounts dialog) or all syncing at once (View menu, status
 * bar) for a metered connection. Both are stored, then the poller is told, so it stops or starts its pollers.
 */
public final class SyncPauseViewModel {
    private final AccountStore accounts;
    private final SyncPause pause;
    private final SyncService sync;
    private final LiveAccounts live;
    private final TaskExecutor executor;
    private final ProblemReporter problems;
    private final ReadOnlyBooleanWrapper allPaused = new ReadOnlyBooleanWrapper(this, "allPaused");
    private final ObservableList<AccountEntry> pausedAccounts = FXCollections.observableArrayList();
    /** One wrapper for every caller: a wrapper made per call would drop its listeners when collected. */
    private final ObservableList<AccountEntry> readOnlyPaused = FXCollections.unmodifiableObservableList(pausedAccounts);

    /** Reads the stored "pause all" setting once, now (a small settings read, as the window's other settings). */
    public SyncPauseViewModel(AccountStore accounts, SettingsStore settings, SyncService sync, LiveAccounts live,
                              TaskExecutor executor, ProblemReporter problems) {
        this.accounts = accounts;
        this.pause = new SyncPause(settings);
        this.sync = sync;
        this.live = live;
        this.executor = executor;
        this.problems = problems;
        allPaused.set(pause.allPaused());
        live.entries().addListener((Observable o) -> followAccounts());
        followAccounts();
    }

    private void followAccounts() {
        List<AccountEntry> now = live.entries().stream().filter(AccountEntry::paused).toList();
        if (!now.equals(pausedAccounts)) {
            pausedAccounts.setAll(now);
        }
    }

    /** Pauses or resumes one account; the sidebar and status bar follow once it is stored. */
    public void setPaused(long accountId, boolean paused) {
        BackgroundTask.wrap(() -> {
            accounts.setPaused(accountId, paused);
            sync.accountsChanged();
        }).describedAs(paused ? "Pausing the account" : "Resuming the account")
                .onFinished(live::reload)
                .executeWith(executor);
    }

    /** "Pause all syncing": while on, the poller sends no request to any provider. */
    public void setAllPaused(boolean paused) {
        if (paused == allPaused.get()) {
            return;
        }
        allPaused.set(paused);
        BackgroundTask.wrap(() -> {
            pause.setAllPaused(paused);
            sync.accountsChanged();
        }).describedAs(paused ? "Pausing all syncing" : "Resuming syncing")
                .onFailure(e -> {
                    allPaused.set(!paused);
                    problems.report(paused ? "Pausing all syncing" : "Resuming syncing", e);
                })
                .executeWith(executor);
    }

    public void toggleAllPaused() {
        setAllPaused(!allPaused.get());
    }

    public ReadOnlyBooleanProperty allPausedProperty() {
        return allPaused.getReadOnlyProperty();
    }

    /** The accounts paused one by one (not counting "pause all"), in the sidebar's order. */
    public ObservableList<AccountEntry> pausedAccounts() {
        return readOnlyPaused;
    }
}
