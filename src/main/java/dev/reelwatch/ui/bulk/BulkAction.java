package dev.reelwatch.ui.bulk;

/** A command run over many selected tasks at once, with one progress and one summary (issue 15). */
public enum BulkAction {
    EXPORT, ADD_TAG, REMOVE_TAG, STAR, UNSTAR, REFRESH, REMOVE_FROM_HISTORY, DELETE_ON_SERVER;

    /** Whether the batch can be undone for a few seconds afterwards. */
    public boolean undoable() {
        return this == REMOVE_FROM_HISTORY || this == UNSTAR || this == REMOVE_TAG;
    }

    /** Store writes are cheap: many tasks per step. Exports and server calls report progress task by task. */
    int stepSize(int tasks) {
        int hundredth = Math.max(1, (tasks + 99) / 100);
        return this == EXPORT || this == DELETE_ON_SERVER ? Math.min(hundredth, 5) : Math.max(hundredth, 25);
    }
}
