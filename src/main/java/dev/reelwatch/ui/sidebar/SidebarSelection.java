package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.tasks.StatusGroup;

/**
 * What the sidebar has selected: all tasks (everything null/false), one status group, one account, the
 * starred tasks, or one tag.
 */
public record SidebarSelection(StatusGroup group, Long accountId, boolean starred, String tag) {

    public static final SidebarSelection ALL = new SidebarSelection(null, null, false, null);
    public static final SidebarSelection STARRED = new SidebarSelection(null, null, true, null);

    public static SidebarSelection group(StatusGroup group) {
        return new SidebarSelection(group, null, false, null);
    }

    public static SidebarSelection account(long id) {
        return new SidebarSelection(null, id, false, null);
    }

    public static SidebarSelection tag(String tag) {
        return new SidebarSelection(null, null, false, tag);
    }
}
