package dev.reelwatch.ui.tasks;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The task rows kept in one total order (the table's sort, then the task id), as an observable list of its own:
 * a whole page of inserts, updates and removals is placed by binary search and merge and published as
 * <em>one</em> list change, where a {@code SortedList} walks every row for each insert and the table does its
 * per-change work once per row. Rows that keep their place are reported as updates, so the table keeps their
 * selection and the rows around them never move. Read-only to everyone else.
 */
final class SortedTaskRows extends ObservableListBase<TaskRow> implements RandomAccess {
    /** Newest first, as the store lists them: created time descending (unknown last), then id descending. */
    static final Comparator<TaskRow> NEWEST_FIRST = (a, b) -> {
        int c = Long.compare(b.sortTimeMillis(), a.sortTimeMillis());
        return c != 0 ? c : Long.compare(b.id(), a.id());
    };

    /** Beyond this many runs of differences a replacement is reported as the removal and addition of every row. */
    static final int MAX_DIFF_RUNS = 4096;

    private TaskRow[] rows = new TaskRow[16];
    /** What filters read without the rows, place by place with {@link #rows}. */
    private RowColumns columns = new RowColumns(16);
    private int size;
    private Comparator<TaskRow> order = NEWEST_FIRST;

    @Override
    public TaskRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The rows' columns by place; valid until the next change. */
    RowColumns columns() {
        return columns;
    }

    /** The total order in use. */
    Comparator<TaskRow> order() {
        return order;
    }

    /**
     * The order for a comparator the table set (null: newest first), completed with the task id so no two rows
     * ever compare equal and rows with equal sort keys never trade places.
     */
    static Comparator<TaskRow> totalOrder(Comparator<? super TaskRow> sort) {
        if (sort == null) {
            return NEWEST_FIRST;
        }
        Comparator<TaskRow> s = sort::compare;
        return s.thenComparing((a, b) -> Long.compare(b.id(), a.id()));
    }

    /** Re-sorts for a new order, published as one permutation (the table keeps its selection). */
    void setOrder(Comparator<TaskRow> newOrder) {
        order = newOrder;
        if (size < 2) {
            return;
        }
        Integer[] byNewPosition = new Integer[size];
        for (int i = 0; i < size; i++) {
            byNewPosition[i] = i;
        }
        TaskRow[] old = rows;
        Arrays.sort(byNewPosition, (x, y) -> newOrder.compare(old[x], old[y]));
        int[] permutation = new int[size];
        TaskRow[] sorted = new TaskRow[rows.length];
        boolean moved = false;
        for (int i = 0; i < size; i++) {
            int from = byNewPosition[i];
            permutation[from] = i;
            sorted[i] = old[from];
            moved |= from != i;
        }
        rows = sorted;
        columns = columns.permuted(permutation, size);
        if (moved) {
            beginChange();
            nextPermutation(0, size, permutation);
            endChange();
        }
    }

    /** Replaces every row with {@code all}, which is already in {@link #order()} — one change. */
    void replaceAll(List<TaskRow> all) {
        replaceAll(all, null);
    }

    /**
     * As {@link #replaceAll(List)}, with the rows' columns when they were built off the UI thread (null: built
     * here); they must hold {@code all} place by place.
     *
     * <p>Only the rows that came, went or changed are reported, found by one merge of both lists in their common
     * order: when the whole cache arrives after its first page, that is the rows below the page. Reported as the
     * removal of every row and the addition of all, it made the table show each visible row again (every cell
     * updated, styled and laid out anew), a long frame just as the window came alive. Very many scattered
     * differences are reported as that replacement all the same: the table and the selection model walk a change
     * run by run.
     */
    void replaceAll(List<TaskRow> all, RowColumns built) {
        TaskRow[] old = rows;
        int oldSize = size;
        TaskRow[] fresh = all.toArray(new TaskRow[Math.max(16, all.size())]);
        rows = fresh;
        size = all.size();
        if (built != null && built.capacity() >= fresh.length) {
            columns = built;
        } else {
            columns = new RowColumns(fresh.length);
            columns.setAll(fresh, size);
        }
        RowDiff diff = RowDiff.between(old, oldSize, fresh, size, order, MAX_DIFF_RUNS);
        beginChange();
        if (diff != null) {
            diff.report(new RowDiff.Reporter() {
                @Override
                public void removed(int at, List<TaskRow> gone) {
                    nextRemove(at, gone);
                }

                @Override
                public void added(int from, int to) {
                    nextAdd(from, to);
                }

                @Override
                public void updated(int at) {
                    nextUpdate(at);
                }
            });
        } else {
            if (oldSize > 0) {
                nextRemove(0, Arrays.asList(old).subList(0, oldSize));
            }
            if (size > 0) {
                nextAdd(0, size);
            }
        }
        endChange();
    }

    /** Where the row is (the very object or an equal-keyed one), or a negative insertion point as Arrays does. */
    int indexOf(TaskRow row) {
        return Arrays.binarySearch(rows, 0, size, row, order);
    }

    /** Tells the list's observers that this row (by its place) should be looked at again: one update. */
    void touch(TaskRow row) {
        int i = indexOf(row);
        if (i >= 0) {
            beginChange();
            nextUpdate(i);
            endChange();
        }
    }

    /**
     * Applies one page as one change: {@code changed} holds [before, after] pairs (before null for a new row),
     * {@code removed} rows that are gone. A changed row that still sorts between its neighbours stays where it is
     * (an update); one whose sort key moved it is taken out and merged back in at its new place.
     */
    void apply(List<TaskRow[]> changed, Collection<TaskRow> removed) {
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        List<TaskRow> updated = new ArrayList<>();
        List<TaskRow> toRemove = new ArrayList<>(removed);
        List<TaskRow> toInsert = new ArrayList<>();
        for (TaskRow[] pair : changed) {
            TaskRow before = pair[0];
            TaskRow after = pair[1];
            int i = before == null ? -1 : indexOf(before);
            if (i < 0) {
                toInsert.add(after);
            } else if ((i == 0 || order.compare(rows[i - 1], after) < 0)
                    && (i == size - 1 || order.compare(after, rows[i + 1]) < 0)) {
                rows[i] = after;
                columns.set(i, after);
                updated.add(after);
            } else {
                toRemove.add(before);
                toInsert.add(after);
            }
        }
        beginChange();
        removeAll(toRemove);
        insertAll(toInsert);
        for (TaskRow r : updated) {
            int i = indexOf(r);
            if (i >= 0) {
                nextUpdate(i);
            }
        }
        endChange();
    }

    /** Takes the rows out in one pass; reported from the highest index down, each valid when reported. */
    private void removeAll(List<TaskRow> gone) {
        int[] at = new int[gone.size()];
        int n = 0;
        for (TaskRow r : gone) {
            int i = indexOf(r);
            if (i >= 0 && rows[i].id() == r.id()) {
                at[n++] = i;
            }
        }
        if (n == 0) {
            return;
        }
        at = Arrays.copyOf(at, n);
        Arrays.sort(at);
        for (int k = n - 1; k >= 0; k--) {
            if (k < n - 1 && at[k] == at[k + 1]) {
                continue;
            }
            nextRemove(at[k], rows[at[k]]);
        }
        // The runs between removed places move down whole, the columns with them.
        int write = at[0];
        for (int k = 0; k < n; k++) {
            if (k > 0 && at[k] == at[k - 1]) {
                continue;
            }
            int start = at[k] + 1;
            int next = k + 1;
            while (next < n && at[next] == at[k]) {
                next++;
            }
            int end = next < n ? at[next] : size;
            System.arraycopy(rows, start, rows, write, end - start);
            columns.copy(columns, start, write, end - start);
            write += end - start;
        }
        Arrays.fill(rows, write, size, null);
        size = write;
    }

    /**
     * Merges the rows in: sorted among themselves, each place found by binary search (k log n comparisons, not a
     * comparison per row of the list), the runs between copied whole; adds reported in ascending order.
     */
    private void insertAll(List<TaskRow> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        TaskRow[] in = fresh.toArray(new TaskRow[0]);
        Arrays.sort(in, order);
        int total = size + in.length;
        TaskRow[] merged = rows.length >= total ? rows : new TaskRow[total + total / 8 + 16];
        RowColumns mergedColumns = merged == rows ? columns : columns.sized(merged.length);
        int[] added = new int[in.length];
        // From the last new row backwards, so the array can be shifted in place when it has room.
        int oldEnd = size;
        int write = total;
        for (int j = in.length - 1; j >= 0; j--) {
            int at = Arrays.binarySearch(rows, 0, oldEnd, in[j], order);
            int insertion = at >= 0 ? at + 1 : -at - 1;
            int run = oldEnd - insertion;
            write -= run;
            System.arraycopy(rows, insertion, merged, write, run);
            mergedColumns.copy(columns, insertion, write, run);
            oldEnd = insertion;
            merged[--write] = in[j];
            mergedColumns.set(write, in[j]);
            added[j] = write;
        }
        if (merged != rows) {
            System.arraycopy(rows, 0, merged, 0, oldEnd);
            mergedColumns.copy(columns, 0, 0, oldEnd);
        }
        rows = merged;
        columns = mergedColumns;
        size = total;
        int k = 0;
        while (k < added.length) {
            int from = added[k];
            int to = from + 1;
            while (k + 1 < added.length && added[k + 1] == to) {
                k++;
                to++;
            }
            nextAdd(from, to);
            k++;
        }
    }
}
