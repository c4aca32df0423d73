package dev.reelwatch.ui.tasks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What changed between two arrays of rows held in the same total order, found by one merge of both: runs of
 * rows removed, runs of rows added, and rows updated in place (the same task with other content). Rows equal
 * in both are not reported. The runs are in the order a list change reports them: each place is where the run
 * starts in the list as it stands once the runs before it are applied.
 */
final class RowDiff {
    /** Told each run in order, as {@code ObservableListBase}'s change builder takes them. */
    interface Reporter {
        void removed(int at, List<TaskRow> gone);

        void added(int from, int to);

        void updated(int at);
    }

    private static final byte REMOVE = 0;
    private static final byte ADD = 1;
    private static final byte UPDATE = 2;

    private final TaskRow[] old;
    private final int maxRuns;
    private byte[] kinds = new byte[16];
    private int[] at = new int[16];
    /** For a removal: where its rows were in the old array. */
    private int[] oldFrom = new int[16];
    private int[] length = new int[16];
    private int count;

    private RowDiff(TaskRow[] old, int maxRuns) {
        this.old = old;
        this.maxRuns = maxRuns;
    }

    /**
     * The differences from {@code old} to {@code fresh} (their first {@code oldSize} and {@code freshSize} rows,
     * both in {@code order}), or null when they make more than {@code maxRuns} runs.
     */
    static RowDiff between(TaskRow[] old, int oldSize, TaskRow[] fresh, int freshSize, Comparator<TaskRow> order,
                           int maxRuns) {
        RowDiff diff = new RowDiff(old, maxRuns);
        int i = 0;
        int j = 0;
        while (i < oldSize || j < freshSize) {
            boolean bothLeft = i < oldSize && j < freshSize;
            if (bothLeft && old[i].id() == fresh[j].id()) {
                // The same task at the same point of the merge: it keeps its place, changed or not.
                if (!old[i].equals(fresh[j]) && !diff.extendOrAdd(UPDATE, j, i)) {
                    return null;
                }
                i++;
                j++;
            } else if (j == freshSize || bothLeft && order.compare(old[i], fresh[j]) < 0) {
                if (!diff.extendOrAdd(REMOVE, j, i)) {
                    return null;
                }
                i++;
            } else {
                if (!diff.extendOrAdd(ADD, j, i)) {
                    return null;
                }
                j++;
            }
        }
        return diff;
    }

    void report(Reporter to) {
        for (int r = 0; r < count; r++) {
            switch (kinds[r]) {
                case REMOVE -> to.removed(at[r], Arrays.asList(old).subList(oldFrom[r], oldFrom[r] + length[r]));
                case ADD -> to.added(at[r], at[r] + length[r]);
                default -> {
                    for (int k = 0; k < length[r]; k++) {
                        to.updated(at[r] + k);
                    }
                }
            }
        }
    }

    /** Extends the last run when this row continues it, else starts one; false past the limit. */
    private boolean extendOrAdd(byte kind, int place, int oldPlace) {
        if (count > 0 && kinds[count - 1] == kind) {
            int last = count - 1;
            boolean continues = kind == REMOVE
                    ? at[last] == place && oldFrom[last] + length[last] == oldPlace
                    : at[last] + length[last] == place;
            if (continues) {
                length[last]++;
                return true;
            }
        }
        if (count == maxRuns) {
            return false;
        }
        if (count == kinds.length) {
            int grown = count * 2;
            kinds = Arrays.copyOf(kinds, grown);
            at = Arrays.copyOf(at, grown);
            oldFrom = Arrays.copyOf(oldFrom, grown);
            length = Arrays.copyOf(length, grown);
        }
        kinds[count] = kind;
        at[count] = place;
        oldFrom[count] = oldPlace;
        length[count] = 1;
        count++;
        return true;
    }
}
