package dev.reelwatch.ui.tasks;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * The rows of a source list that pass a predicate, in the source's order, as {@code FilteredList} shows them but
 * built for a million rows:
 * <ul>
 * <li>a new filter that only narrows the previous one tests just the rows shown; a filter seen a moment ago on
 * the same source comes back from a {@link FilterMemo}; other filters test every row in parallel chunks
 * ({@link RowScan}), and the caller gets the list complete;</li>
 * <li>a refilter is published as the rows it adds and then the rows it drops (two changes, never a replacement,
 * which would make a table rebuild every cell);</li>
 * <li>a source change with many sub-changes (a store page) is merged in one pass over the shown positions,
 * where {@code FilteredList} shifts every later position once per sub-change.</li>
 * </ul>
 * Permutations stay permutations and updates stay updates, so the table keeps its selection. Read-only.
 */
final class FilteredTaskRows extends ObservableListBase<TaskRow> implements RandomAccess {
    private static final int MEMO_RESULTS = 24;
    /** The memo's bound, per source row: a million rows keep up to 4 MB of results (32 dense ones). */
    private static final long MEMO_INTS_PER_ROW = 1;

    private final SortedTaskRows source;
    private final FilterMemo memo = new FilterMemo(MEMO_RESULTS);
    private final RowScan scan = new RowScan();
    /** Source positions of the shown rows, ascending: {@code shown[0..size)}. Replaced, never written, once public. */
    private int[] shown;
    private int size;
    /** Null: every row shows. */
    private Predicate<TaskRow> predicate;
    /** What {@link #predicate} stands for; null when it cannot be compared with another filter. */
    private FilterKey key;

    FilteredTaskRows(SortedTaskRows source) {
        this.source = source;
        shown = everyPosition(source.size());
        size = shown.length;
        source.addListener((ListChangeListener<TaskRow>) this::sourceChanged);
    }

    @Override
    public TaskRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return source.get(shown[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** Where the row at this source position is shown, -1 when it is not. */
    int viewIndexOf(int sourceIndex) {
        int i = Arrays.binarySearch(shown, 0, size, sourceIndex);
        return i >= 0 ? i : -1;
    }

    // ---- refiltering ---------------------------------------------------------------------------------

    /**
     * Shows the rows that pass {@code test} (null: every row), which stands for {@code newKey} (null: a filter
     * not to be compared or remembered). The key's {@link FilterKey#columnTest()} rules rows out before
     * {@code test} is asked, and when decisive lets rows in without asking it: {@code test} must then ask
     * nothing the key does not say. Returns once the list is up to date, after
     * two changes at most (the rows added, then the rows dropped).
     */
    void setFilter(FilterKey newKey, Predicate<TaskRow> test) {
        int[] remembered = newKey == null || test == null ? null : memo.get(newKey);
        int[] next;
        int nextSize;
        if (test == null) {
            next = everyPosition(source.size());
            nextSize = next.length;
        } else if (remembered != null) {
            next = remembered;
            nextSize = remembered.length;
        } else if (predicate != null && newKey != null && key != null && newKey.narrows(key)) {
            next = scan.among(source, shown, size, newKey.columnTest(), test);
            nextSize = next.length;
        } else {
            next = scan.all(source, newKey == null ? ColumnTest.NONE : newKey.columnTest(), test);
            nextSize = next.length;
        }
        if (newKey != null && test != null && remembered == null) {
            // Remembered as computed: what the rows became through source changes since may hold rows the
            // caller kept for reasons of its own (pinned ones), and a source change forgets everything anyway.
            memo.put(newKey, next, nextSize, source.size(), MEMO_INTS_PER_ROW * source.size() + RowScan.CHUNK);
        }
        int[] before = shown;
        int sizeBefore = size;
        predicate = test;
        key = newKey;
        if (!Arrays.equals(before, 0, sizeBefore, next, 0, nextSize)) {
            publishRefilter(before, sizeBefore, next, nextSize);
        }
    }

    /**
     * Moves from the rows shown at {@code before} to those at {@code next} in two changes: first the rows the new
     * filter adds, then the rows it drops. Never one replacement: a {@code TableView} answers a replaced row, or
     * the removal of every row, by discarding and rebuilding all its cells, a 100–200 ms pause per keystroke on a
     * software-rendered screen; added and removed runs only move and refill the cells. Between the two changes
     * the list holds the rows of both filters. Both changes' runs are found in one pass ({@link RefilterRuns});
     * each change is a {@link RefilterChange} that replays its runs to every listener.
     */
    private void publishRefilter(int[] before, int sizeBefore, int[] next, int nextSize) {
        RefilterRuns refilter = RefilterRuns.between(before, sizeBefore, next, nextSize);
        int w = refilter.unionSize();
        if (w > sizeBefore) {
            shown = refilter.union();
            size = w;
            if (hasListeners()) {
                fireChange(RefilterChange.added(this, source, refilter));
            }
        }
        if (w > nextSize) {
            shown = next;
            size = nextSize;
            if (hasListeners()) {
                fireChange(RefilterChange.removed(this, source, refilter));
            }
        }
        shown = next;
        size = nextSize;
    }

    private static int[] everyPosition(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private boolean passes(TaskRow row) {
        return predicate == null || predicate.test(row);
    }

    // ---- source changes ------------------------------------------------------------------------------

    /** One add/remove sub-change of the source, as read from the change. */
    private record Step(int from, int addedSize, List<? extends TaskRow> removed) {
    }

    /**
     * Applies the source's change as one change of this list. Runs of add/remove sub-changes in ascending order
     * (a store page) are merged in one pass, and so are runs of updates: O(shown + changed), not O(shown) per
     * sub-change.
     */
    private void sourceChanged(ListChangeListener.Change<? extends TaskRow> c) {
        memo.clear();
        beginChange();
        List<Step> steps = new ArrayList<>();
        List<int[]> updates = new ArrayList<>();
        while (c.next()) {
            if (c.wasPermutated()) {
                flush(steps, updates);
                permute(c);
            } else if (c.wasUpdated()) {
                mergeSteps(steps);
                if (!updates.isEmpty() && c.getFrom() < updates.get(updates.size() - 1)[1]) {
                    mergeUpdates(updates);
                }
                updates.add(new int[] {c.getFrom(), c.getTo()});
            } else {
                mergeUpdates(updates);
                if (!steps.isEmpty()) {
                    Step last = steps.get(steps.size() - 1);
                    if (c.getFrom() < last.from() + last.addedSize()) {
                        mergeSteps(steps);
                    }
                }
                steps.add(new Step(c.getFrom(), c.getAddedSize(), c.getRemoved()));
            }
        }
        flush(steps, updates);
        endChange();
    }

    private void flush(List<Step> steps, List<int[]> updates) {
        mergeSteps(steps);
        mergeUpdates(updates);
    }

    /**
     * Ascending add/remove steps in one pass. While it runs, positions below {@code w} are final and the old
     * positions from {@code read} on follow them, so each reported remove and add is valid when reported.
     */
    private void mergeSteps(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        int added = 0;
        for (Step s : steps) {
            added += s.addedSize();
        }
        int[] out = new int[size + added];
        int w = 0;
        int read = 0;
        int delta = 0;
        for (Step s : steps) {
            int oldFrom = s.from() - delta;
            int oldTo = oldFrom + s.removed().size();
            while (read < size && shown[read] < oldFrom) {
                out[w++] = shown[read++] + delta;
            }
            while (read < size && shown[read] < oldTo) {
                nextRemove(w, s.removed().get(shown[read++] - oldFrom));
            }
            for (int at = s.from(); at < s.from() + s.addedSize(); at++) {
                if (passes(source.get(at))) {
                    out[w] = at;
                    nextAdd(w, w + 1);
                    w++;
                }
            }
            delta += s.addedSize() - s.removed().size();
        }
        while (read < size) {
            out[w++] = shown[read++] + delta;
        }
        shown = out;
        size = w;
        steps.clear();
    }

    /** Ascending update ranges [from, to) in one pass: updated rows are tested again, as FilteredList does. */
    private void mergeUpdates(List<int[]> updates) {
        if (updates.isEmpty()) {
            return;
        }
        int extra = 0;
        for (int[] range : updates) {
            extra += range[1] - range[0];
        }
        int[] out = new int[size + extra];
        int w = 0;
        int read = 0;
        for (int[] range : updates) {
            while (read < size && shown[read] < range[0]) {
                out[w++] = shown[read++];
            }
            for (int at = range[0]; at < range[1]; at++) {
                TaskRow row = source.get(at);
                boolean wasShown = read < size && shown[read] == at;
                if (wasShown) {
                    read++;
                }
                boolean passes = passes(row);
                if (wasShown && passes) {
                    out[w] = at;
                    nextUpdate(w++);
                } else if (wasShown) {
                    nextRemove(w, row);
                } else if (passes) {
                    out[w] = at;
                    nextAdd(w, w + 1);
                    w++;
                }
            }
        }
        while (read < size) {
            out[w++] = shown[read++];
        }
        shown = out;
        size = w;
        updates.clear();
    }

    /** A re-sort of the source: the shown rows are permuted the same way, reported as one permutation. */
    private void permute(ListChangeListener.Change<? extends TaskRow> c) {
        int from = firstAtOrAfter(c.getFrom());
        int to = firstAtOrAfter(c.getTo());
        if (to <= from) {
            return;
        }
        // New source position in the high half, old view index in the low: sorting orders by new position.
        long[] moves = new long[to - from];
        for (int i = from; i < to; i++) {
            moves[i - from] = (long) c.getPermutation(shown[i]) << 32 | i;
        }
        Arrays.sort(moves);
        int[] out = Arrays.copyOf(shown, size);
        int[] permutation = new int[size];
        Arrays.setAll(permutation, i -> i);
        for (int j = 0; j < moves.length; j++) {
            out[from + j] = (int) (moves[j] >>> 32);
            permutation[(int) moves[j]] = from + j;
        }
        shown = out;
        nextPermutation(0, size, permutation);
    }

    private int firstAtOrAfter(int sourceIndex) {
        int i = Arrays.binarySearch(shown, 0, size, sourceIndex);
        return i >= 0 ? i : -i - 1;
    }
}
