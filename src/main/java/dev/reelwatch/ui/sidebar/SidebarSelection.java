package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.tasks.StatusGroup;

/**
 * What the sidebar has selected: all tasks (everything null/false), one status group, one account, the
 * starred tasks, one tag, or (issue 15) the Failures view ({@code failures} empty) or one failure group in the
 * task list ({@code failures} is the group's key); {@code failures} is null otherwise.
 */
public record SidebarSelection(StatusGroup group, Long accountId, boolean starred, String tag, String failures) {

    public static final SidebarSelection ALL = new SidebarSelection(null, null, false, null);
    public static final SidebarSelection STARRED = new SidebarSelection(null, null, true, null);
    /** Issue 15: the Failures view, its groups of failed tasks by cause. */
    public static final SidebarSelection FAILURES = new SidebarSelection(null, null, false, null, "");

    public SidebarSelection(StatusGroup group, Long accountId, boolean starred, String tag) {
        this(group, accountId, starred, tag, null);
    }

    /** Issue 15: the task list narrowed to one failure group (by its key) chosen in the Failures view. */
    public static SidebarSelection failureGroup(String key) {
        return new SidebarSelection(null, null, false, null, key);
    }

    /** The Failures view itself, or one of its groups. */
    public boolean isFailures() {
        return failures != null;
    }

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
