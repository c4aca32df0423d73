package dev.reelwatch.ui.tasks;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Finds the rows of a {@link SortedTaskRows} that pass a filter: first its {@link ColumnTest} on the columns
 * (most rows are decided there, without reading the row), then the predicate for the rest. Large scans run in
 * chunks on the common fork-join pool with the calling thread taking part; the passing places come back in
 * ascending order and the caller waits for them, so the list is complete when the call returns. The predicate
 * must be safe to call from several threads at once, and the rows must not change during the call. One scan at
 * a time: the chunks' buffers are kept from scan to scan (at a million rows a scan would otherwise leave 4 MB
 * of garbage, and the young collections it brings are pauses of 20-40 ms beside a million rows).
 */
final class RowScan {
    /** Rows per chunk: large enough that a chunk costs far more than handing it to a thread. */
    static final int CHUNK = 16_384;
    /**
     * Scans of fewer rows stay on the calling thread: on two cores shared with other work, waiting for a pool
     * thread that is not running cost more at 100,000 rows (p99 36-87 ms) than the scan alone (23-35 ms).
     */
    static final int PARALLEL_FROM = 250_000;

    /** One buffer a chunk, reused by the next scan. */
    private int[][] buffers = new int[0][];

    /** The places of every row that passes. */
    int[] all(SortedTaskRows rows, ColumnTest columns, Predicate<TaskRow> test) {
        return scan(rows, null, rows.size(), columns, test);
    }

    /** The ones of {@code places[0..count)} (ascending) whose row passes, in the same order. */
    int[] among(SortedTaskRows rows, int[] places, int count, ColumnTest columns, Predicate<TaskRow> test) {
        return scan(rows, places, count, columns, test);
    }

    private int[] scan(SortedTaskRows rows, int[] places, int count, ColumnTest columns,
                              Predicate<TaskRow> test) {
        RowColumns.Check check = rows.columns().check(columns);
        if (count < PARALLEL_FROM) {
            int[] passed = new int[count];
            int n = chunk(rows, places, 0, count, check, test, passed);
            return n == count ? passed : Arrays.copyOf(passed, n);
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        if (buffers.length < chunks) {
            int[][] more = Arrays.copyOf(buffers, chunks);
            for (int c = buffers.length; c < chunks; c++) {
                more[c] = new int[CHUNK];
            }
            buffers = more;
        }
        int[][] parts = buffers;
        int[] counts = new int[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> counts[c] =
                chunk(rows, places, c * CHUNK, Math.min(count, (c + 1) * CHUNK), check, test, parts[c]));
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        int[] out = new int[total];
        int at = 0;
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(parts[c], 0, out, at, counts[c]);
            at += counts[c];
        }
        return out;
    }

    /** Writes the passing places of {@code [from, to)} to {@code passed} from 0; returns how many. */
    private static int chunk(SortedTaskRows rows, int[] places, int from, int to, RowColumns.Check check,
                             Predicate<TaskRow> test, int[] passed) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int p = places == null ? i : places[i];
            int verdict = check.at(p);
            if (verdict == ColumnTest.PASSES || verdict == ColumnTest.READ_ROW && test.test(rows.get(p))) {
                passed[n++] = p;
            }
        }
        return n;
    }
}
