package dev.reelwatch.ui.tasks;

/**
 * What the task list is filtered by, as a value: the filter's inputs and the subset (null: none). Two equal keys
 * keep the same rows of the same source, and a key that {@link #narrows} another keeps a part of its rows.
 */
record FilterKey(TaskFilter filter, TaskSubset subset) {

    /** What the rows' columns can check of this key; a subset is asked of the rows themselves. */
    ColumnTest columnTest() {
        ColumnTest t = filter.columnTest();
        return subset == null ? t : t.notDecisive();
    }

    /** Whether every row this key keeps is kept by {@code wider} too. */
    boolean narrows(FilterKey wider) {
        return (wider.subset == null || wider.subset.equals(subset)) && filter.narrows(wider.filter);
    }
}
