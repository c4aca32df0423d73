package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.HealthLevel;

/** An account line of the sidebar: the account, its dot colour, how many tasks it has, and its tooltip. */
public record AccountItem(AccountEntry entry, int taskCount, String tooltip) {

    public long id() {
        return entry.id();
    }

    public String name() {
        return entry.name();
    }

    public HealthLevel level() {
        return entry.level();
    }

    public boolean demo() {
        return entry.account().demo();
    }
}
