package dev.reelwatch.ui.common;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.sync.SyncStatus;
import dev.reelwatch.sync.SyncStatusListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The accounts with their live health, shared by the sidebar and the status bar: loaded from the store in the
 * background, then kept current from the poller's status (handed to the FX thread).
 */
public final class LiveAccounts implements SyncStatusListener, AutoCloseable {
    private final AccountStore accounts;
    private final SyncService sync;
    private final TaskExecutor executor;
    private final Executor ui;
    private final LatestRequest reloads = new LatestRequest();
    private final ObservableList<AccountEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<AccountEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper requestsInFlight = new ReadOnlyIntegerWrapper(0);
    private final Map<Long, AccountHealth> liveHealth = new HashMap<>();
    private List<Account> known = List.of();
    private java.util.Set<Long> paused = java.util.Set.of();

    /**
     * @param executor runs the store reads and removals
     * @param ui       hands the poller's status (reported on its own threads) to the FX thread
     */
    public LiveAccounts(AccountStore accounts, SyncService sync, TaskExecutor executor, Executor ui) {
        this.accounts = accounts;
        this.sync = sync;
        this.executor = executor;
        this.ui = ui;
        sync.addStatusListener(this);
    }

    /** Over two executors, for callers that pick both threads: reads on {@code background}, results via {@code ui}. */
    public LiveAccounts(AccountStore accounts, SyncService sync, Executor background, Executor ui) {
        this(accounts, sync, TaskExecutor.handOff(background, ui, ProblemReporter.logging()), ui);
    }

    /** Reads the accounts again (after one was added, edited or removed); the latest read wins. */
    public void reload() {
        BackgroundTask.wrap(() -> {
            List<Account> all = accounts.all();
            Map<Long, AccountHealth> stored = new HashMap<>();
            for (Account a : all) {
                accounts.health(a.id()).ifPresent(h -> stored.put(a.id(), h));
            }
            return new Snapshot(all, stored, sync.status(), accounts.pausedIds());
        }).describedAs("Loading the accounts")
                .latestOf(reloads)
                .onSuccess(snapshot -> {
                    known = snapshot.accounts();
                    paused = snapshot.paused();
                    snapshot.storedHealth().forEach(liveHealth::putIfAbsent);
                    if (snapshot.status() != null) {
                        applyStatus(snapshot.status());
                    } else {
                        rebuild();
                    }
                })
                // Loaded even when the read failed (the problem area says why): nothing waits on it for ever.
                .onFinished(() -> loaded.set(true))
                .executeWith(executor);
    }

    /** Removes the account and its cached tasks from this computer, then tells the poller. */
    public void remove(long accountId, Consumer<Throwable> onError) {
        BackgroundTask.wrap(() -> {
            accounts.remove(accountId);
            sync.accountsChanged();
        }).describedAs("Removing the account")
                .onFailure(onError)
                .onFinished(this::reload)
                .executeWith(executor);
    }

    private record Snapshot(List<Account> accounts, Map<Long, AccountHealth> storedHealth, SyncStatus status,
                            java.util.Set<Long> paused) {
    }

    @Override
    public void syncStatusChanged(SyncStatus status) {
        ui.execute(() -> {
            boolean unknownAccount = status.health().keySet().stream()
                    .anyMatch(id -> known.stream().noneMatch(a -> a.id() == id));
            applyStatus(status);
            if (unknownAccount) {
                reload();
            }
        });
    }

    private void applyStatus(SyncStatus status) {
        liveHealth.putAll(status.health());
        offline.set(status.offline());
        requestsInFlight.set(status.requestsInFlight());
        rebuild();
    }

    private void rebuild() {
        List<AccountEntry> fresh = new ArrayList<>();
        for (Account a : known) {
            fresh.add(new AccountEntry(a, liveHealth.get(a.id()), paused.contains(a.id())));
        }
        if (!fresh.equals(entries)) {
            entries.setAll(fresh);
        }
    }

    public ObservableList<AccountEntry> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty requestsInFlightProperty() {
        return requestsInFlight.getReadOnlyProperty();
    }

    public SyncService sync() {
        return sync;
    }

    @Override
    public void close() {
        sync.removeStatusListener(this);
    }
}
