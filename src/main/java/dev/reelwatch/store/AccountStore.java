package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

import java.util.List;
import java.util.Optional;

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

    void saveHealth(AccountHealth health);

    Optional<AccountHealth> health(long accountId);
}
