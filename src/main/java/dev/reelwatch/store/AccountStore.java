package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts and their sync health. Names are unique (case-insensitive). Implemented by {@link SqliteAccountStore}. */
public interface AccountStore {

    /** Saves a new account and returns it with its id; throws {@link DuplicateAccountException} on a taken name. */
    Account add(Account account);

    void update(Account account);

    /** Removes the account and, with it, its cached tasks. */
    void remove(long accountId);

    List<Account> all();

    Optional<Account> byId(long accountId);

    Optional<Account> byName(String name);

    /**
     * Pauses or resumes an account (issue 15): a paused account is not polled, by the app or by {@code sync},
     * until resumed; its cached tasks stay. Stored, so it survives restarts. Unknown ids are ignored.
     */
    void setPaused(long accountId, boolean paused);

    /** The ids of the paused accounts. */
    Set<Long> pausedIds();

    default boolean isPaused(long accountId) {
        return pausedIds().contains(accountId);
    }

    void saveHealth(AccountHealth health);

    Optional<AccountHealth> health(long accountId);
}
