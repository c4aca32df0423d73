package dev.reelwatch.ui.common;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

/** An account with its latest health, as the sidebar and status bar show it. {@code health} may be null. */
public record AccountEntry(Account account, AccountHealth health) {

    public long id() {
        return account.id();
    }

    public String name() {
        return account.name();
    }

    public HealthLevel level() {
        return HealthLevel.of(account, health);
    }
}
