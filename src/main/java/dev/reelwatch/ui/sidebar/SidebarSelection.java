package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.tasks.StatusGroup;

/** What the sidebar has selected: all tasks (both null), one status group, or one account. */
public record SidebarSelection(StatusGroup group, Long accountId) {

    public static final SidebarSelection ALL = new SidebarSelection(null, null);

    public static SidebarSelection group(StatusGroup group) {
        return new SidebarSelection(group, null);
    }

    public static SidebarSelection account(long id) {
        return new SidebarSelection(null, id);
    }
}
