package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

import java.util.List;
import java.util.Optional;

/**
 * The account store the app uses: the SQLite one, plus a fresh {@link AccountsBackup} after every change to the
 * accounts (not to their health), so the accounts outlive a cache that had to be rebuilt.
 */
public final class BackedUpAccountStore implements AccountStore {
    private final AccountStore delegate;
    private final PlainHttpConsent consent;
    private final AccountsBackup backup;

    public BackedUpAccountStore(AccountStore delegate, PlainHttpConsent consent, AccountsBackup backup) {
        this.delegate = delegate;
        this.consent = consent;
        this.backup = backup;
    }

    @Override
    public Account add(Account account) {
        Account saved = delegate.add(account);
        writeBackup();
        return saved;
    }

    @Override
    public void update(Account account) {
        Optional<Account> before = delegate.byId(account.id());
        delegate.update(account);
        before.filter(b -> !b.name().equalsIgnoreCase(account.name())).ifPresent(b -> {
            // The consent is kept by name: it follows a renamed account.
            consent.set(account.name(), consent.isAllowed(b.name()));
            consent.set(b.name(), false);
        });
        writeBackup();
    }

    @Override
    public void remove(long accountId) {
        Optional<Account> before = delegate.byId(accountId);
        delegate.remove(accountId);
        before.ifPresent(b -> consent.set(b.name(), false));
        writeBackup();
    }

    /** Writes the backup again, e.g. after the plain-HTTP consent of an account changed. */
    public void writeBackup() {
        backup.save(delegate.all().stream()
                .map(a -> new AccountsBackup.Entry(a, consent.isAllowed(a.name())))
                .toList());
    }

    @Override
    public List<Account> all() {
        return delegate.all();
    }

    @Override
    public Optional<Account> byId(long accountId) {
        return delegate.byId(accountId);
    }

    @Override
    public Optional<Account> byName(String name) {
        return delegate.byName(name);
    }

    @Override
    public void saveHealth(AccountHealth health) {
        delegate.saveHealth(health);
    }

    @Override
    public Optional<AccountHealth> health(long accountId) {
        return delegate.health(accountId);
    }

    /** Pausing is not part of the backup: a rebuilt cache starts with every account polled. */
    @Override
    public void setPaused(long accountId, boolean paused) {
        delegate.setPaused(accountId, paused);
    }

    @Override
    public java.util.Set<Long> pausedIds() {
        return delegate.pausedIds();
    }
}
