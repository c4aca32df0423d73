package dev.reelwatch.ui.common;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;

/** The colour of an account's health dot: green ok, amber syncing or transient trouble, red error, grey off. */
public enum HealthLevel {
    OK, BUSY, ERROR, DISABLED, UNKNOWN,
    /** The user paused the account: it is not polled until resumed. */
    PAUSED;

    public static HealthLevel of(Account account, AccountHealth health) {
        if (!account.enabled()) {
            return DISABLED;
        }
        if (health == null) {
            return UNKNOWN;
        }
        if (health.lastErrorKind() != null) {
            return health.lastErrorKind().isTransient() ? BUSY : ERROR;
        }
        if (health.syncing()) {
            return BUSY;
        }
        return health.lastSuccess() == null ? UNKNOWN : OK;
    }

    /** The CSS style class of the dot. */
    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
