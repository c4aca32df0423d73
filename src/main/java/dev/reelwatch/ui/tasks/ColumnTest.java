package dev.reelwatch.ui.tasks;

/**
 * The part of a filter {@link RowColumns} can check: statuses (bit per ordinal), the letter marks a matching
 * row must hold, and the search words. A row that fails it cannot match; when {@code decisive} (the
 * filter asks nothing else), a row the columns find every word in matches, so its row is never read.
 */
record ColumnTest(int statuses, long letters, SearchWords words, boolean decisive) {
    static final int FAILS = 0;
    static final int PASSES = 1;
    static final int READ_ROW = 2;

    /** Asks nothing: every row goes on to its predicate. */
    static final ColumnTest NONE = new ColumnTest(-1, 0, SearchWords.NONE, false);

    /** The same test, not deciding alone (the caller's predicate asks more). */
    ColumnTest notDecisive() {
        return decisive ? new ColumnTest(statuses, letters, words, false) : this;
    }
}
