package dev.reelwatch.ui.accounts;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.HealthLevel;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts dialog: the list of accounts beside one {@link AccountEditorViewModel}. Selecting an account
 * edits it; "Add" starts a new one; "Remove" deletes an account, its cached tasks and its stored key.
 */
public final class AccountsViewModel {
    private final AccountStore accounts;
    private final CredentialStore keys;
    private final PlainHttpPermissions plainHttp;
    private final SyncService sync;
    private final TaskExecutor executor;
    private final Map<Long, AccountHealth> health = new HashMap<>();
    private final AccountEditorViewModel editor;
    private final ObservableList<Account> list = FXCollections.observableArrayList();
    private final ObservableList<Account> listView = FXCollections.unmodifiableObservableList(list);
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Issue 15: which accounts are paused, and whether the selected one is. */
    private java.util.Set<Long> paused = java.util.Set.of();
    private final javafx.beans.property.ReadOnlyBooleanWrapper selectedPaused =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "selectedPaused");

    public AccountsViewModel(AccountStore accounts, CredentialStore keys, PlainHttpPermissions plainHttp,
                             Map<String, String> environment, ConnectionTester tester, SyncService sync,
                             TaskExecutor executor, DialogService dialogs) {
        this.accounts = accounts;
        this.keys = keys;
        this.plainHttp = plainHttp;
        this.sync = sync;
        this.executor = executor;
        this.editor = new AccountEditorViewModel(accounts, keys, plainHttp, environment, tester, sync, executor,
                dialogs);
        editor.setOnSaved(saved -> reload(saved.id()));
        selected.addListener((obs, was, now) -> selectedPaused.set(now != null && paused.contains(now.id())));
        selected.addListener((obs, was, now) -> {
            if (now != null && now != editor.editingProperty().get()) {
                editor.edit(now);
            }
        });
    }

    public AccountEditorViewModel editor() {
        return editor;
    }

    /** Accounts by name. */
    public ObservableList<Account> accounts() {
        return listView;
    }

    public ObjectProperty<Account> selectedProperty() {
        return selected;
    }

    /** Why the last removal failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the accounts again and selects {@code selectId} (null: a new, empty form). */
    public void reload(Long selectId) {
        BackgroundTask.wrap(() -> {
            List<Account> all = accounts.all().stream()
                    .sorted(Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER)).toList();
            Map<Long, AccountHealth> read = new HashMap<>();
            all.forEach(a -> accounts.health(a.id()).ifPresent(h -> read.put(a.id(), h)));
            return new Listed(all, read, accounts.pausedIds());
        }).describedAs("Loading the accounts").onSuccess(listed -> {
                List<Account> all = listed.accounts();
                paused = listed.paused();
                health.clear();
                health.putAll(listed.health());
                list.setAll(all);
                Account pick = selectId == null ? null
                        : all.stream().filter(a -> a.id() == selectId).findFirst().orElse(null);
                if (pick == null) {
                    addNew();
                } else {
                    selected.set(pick);
                    editor.edit(pick);
                }
            }).executeWith(executor);
    }

    private record Listed(List<Account> accounts, Map<Long, AccountHealth> health, java.util.Set<Long> paused) {
    }

    /** The account's health as last stored by the poller (empty when never polled). */
    public Optional<AccountHealth> health(Account account) {
        return Optional.ofNullable(health.get(account.id()));
    }

    /** The colour of the account's health dot in the list. */
    public HealthLevel healthLevel(Account account) {
        return HealthLevel.of(account, health.get(account.id()));
    }

    /** Whether the account talks plain HTTP to another machine (it shows a warning badge). */
    public boolean usesPlainHttp(Account account) {
        return TransportSecurity.needsPlainHttpConsent(account.baseUrl());
    }

    /** Clears the selection and the form for a new account. */
    public void addNew() {
        selected.set(null);
        editor.startNew();
    }

    /** Removes the account with its cached tasks and stored key; the poller is told. */
    public void remove(Account account) {
        error.set("");
        BackgroundTask.wrap(() -> {
            accounts.remove(account.id());
            if (account.credential().source() == CredentialRef.Source.CREDENTIALS_FILE) {
                keys.remove(account.credential().name());
            }
            plainHttp.set(account.name(), false);
            sync.accountsChanged();
        }).describedAs("Removing the account")
                .onFailure(e -> error.set(String.valueOf(e.getMessage())))
                .onFinished(() -> reload(null))
                .executeWith(executor);
    }

    // ---- issue 15: pausing -------------------------------------------------------------------------------

    /** Whether the selected account is paused (not synced until resumed). */
    public javafx.beans.property.ReadOnlyBooleanProperty selectedPausedProperty() {
        return selectedPaused.getReadOnlyProperty();
    }

    /** Pauses the selected account, or resumes it when it is paused; the poller is told. */
    public void togglePause() {
        Account account = selected.get();
        if (account == null) {
            return;
        }
        boolean pause = !paused.contains(account.id());
        BackgroundTask.wrap(() -> {
            accounts.setPaused(account.id(), pause);
            sync.accountsChanged();
        }).describedAs(pause ? "Pausing the account" : "Resuming the account")
                .onFailure(e -> error.set(e.getMessage()))
                .onFinished(() -> reload(account.id()))
                .executeWith(executor);
    }
}
