package dev.reelwatch.ui.tasks;

/**
 * The part of a filter {@link RowColumns} can check: statuses (bit per ordinal), signature and letter bits a
 * matching row must hold. A row that fails it cannot match; when {@code decisive}, a row that passes matches
 * (the filter asks nothing else), so its row is never read.
 */
record ColumnTest(int statuses, long low, long high, long letters, boolean decisive) {
    static final int FAILS = 0;
    static final int PASSES = 1;
    static final int READ_ROW = 2;

    /** Asks nothing: every row goes on to its predicate. */
    static final ColumnTest NONE = new ColumnTest(-1, 0, 0, 0, false);

    /** The same test, not deciding alone (the caller's predicate asks more). */
    ColumnTest notDecisive() {
        return decisive ? new ColumnTest(statuses, low, high, letters, false) : this;
    }
}
