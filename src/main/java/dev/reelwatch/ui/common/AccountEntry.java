package dev.reelwatch.ui.common;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

/**
 * An account with its latest health, as the sidebar and status bar show it. {@code health} may be null;
 * {@code paused}: the user paused the account, so it is not polled (issue 15).
 */
public record AccountEntry(Account account, AccountHealth health, boolean paused) {

    public AccountEntry(Account account, AccountHealth health) {
        this(account, health, false);
    }

    public long id() {
        return account.id();
    }

    public String name() {
        return account.name();
    }

    public HealthLevel level() {
        return paused && account.enabled() ? HealthLevel.PAUSED : HealthLevel.of(account, health);
    }
}
