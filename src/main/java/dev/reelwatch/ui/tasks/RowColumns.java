package dev.reelwatch.ui.tasks;

import java.util.Arrays;

/**
 * What a filter can decide about a row without reading the row, kept in primitive arrays by the row's place
 * in {@link SortedTaskRows}: the search signature, the letters and the status. A scan over a million rows reads
 * these arrays in order instead of a million objects scattered over the heap.
 */
final class RowColumns {
    private long[] low;
    private long[] high;
    private long[] letters;
    private byte[] status;

    RowColumns(int capacity) {
        low = new long[capacity];
        high = new long[capacity];
        letters = new long[capacity];
        status = new byte[capacity];
    }

    int capacity() {
        return low.length;
    }

    void set(int i, TaskRow row) {
        low[i] = row.signatureLow();
        high[i] = row.signatureHigh();
        letters[i] = row.letters();
        status[i] = (byte) row.status().ordinal();
    }

    /** Copies {@code length} entries from {@code from} at {@code src} to this at {@code dst} (either may be this). */
    void copy(RowColumns from, int src, int dst, int length) {
        System.arraycopy(from.low, src, low, dst, length);
        System.arraycopy(from.high, src, high, dst, length);
        System.arraycopy(from.letters, src, letters, dst, length);
        System.arraycopy(from.status, src, status, dst, length);
    }

    /** Fills every entry from the rows' first {@code size}. */
    void setAll(TaskRow[] rows, int size) {
        for (int i = 0; i < size; i++) {
            set(i, rows[i]);
        }
        Arrays.fill(status, size, status.length, (byte) 0);
    }

    /**
     * What the test says of the row at {@code i}: {@link ColumnTest#FAILS}, {@link ColumnTest#PASSES} (decided
     * without the row) or {@link ColumnTest#READ_ROW}.
     */
    int check(int i, ColumnTest test) {
        if ((test.statuses() >>> status[i] & 1) == 0
                || (low[i] & test.low()) != test.low() || (high[i] & test.high()) != test.high()) {
            return ColumnTest.FAILS;
        }
        long l = letters[i];
        if ((l & SearchWords.UNSURE_LETTERS) != 0) {
            return ColumnTest.READ_ROW;
        }
        if ((l & test.letters()) != test.letters()) {
            return ColumnTest.FAILS;
        }
        return test.decisive() ? ColumnTest.PASSES : ColumnTest.READ_ROW;
    }
}
