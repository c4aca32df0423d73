package dev.reelwatch.ui.bulk;

/** A command run over many selected tasks at once, with one progress and one summary (issue 15). */
public enum BulkAction {
    EXPORT, ADD_TAG, REMOVE_TAG, STAR, UNSTAR, REFRESH, REMOVE_FROM_HISTORY, DELETE_ON_SERVER;

    /** Whether the batch can be undone for a few seconds afterwards. */
    public boolean undoable() {
        return this == REMOVE_FROM_HISTORY || this == UNSTAR || this == REMOVE_TAG;
    }

    /**
     * Exports and server calls report progress task by task (a few per step); store writes are cheap, so they go
     * in a few large steps, each one transaction and one update of the list.
     */
    int stepSize(int tasks) {
        if (this == REMOVE_FROM_HISTORY) {
            // One transaction and one update of the list: removing selected rows step by step costs the list most.
            return Math.max(1, tasks);
        }
        int hundredth = Math.max(1, (tasks + 99) / 100);
        return this == EXPORT || this == DELETE_ON_SERVER || this == REFRESH ? Math.min(hundredth, 5)
                : Math.max((tasks + 3) / 4, 250);
    }
}
