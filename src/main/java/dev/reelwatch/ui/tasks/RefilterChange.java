package dev.reelwatch.ui.tasks;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One half of a refilter as a list change: the runs of a {@link RefilterRuns}' union that one set lacks, either
 * added (the list went from the old set to the union) or removed (from the union to the new set). Each run is
 * one sub-change, replayed from the runs found once, so a refilter that drops half a million scattered rows costs
 * the listeners' walks and little more: {@code ObservableListBase}'s change builder kept a list of removed rows
 * per run and searched its runs for every row it was told of (60 % of a one-letter search at a million rows).
 * The removed rows are read from the source when asked, which does not change while the change is delivered.
 */
final class RefilterChange extends ListChangeListener.Change<TaskRow> {
    private static final int[] NO_PERMUTATION = new int[0];

    private final SortedTaskRows source;
    private final int[] union;
    private final RefilterRuns.Runs runs;
    private final boolean removing;
    /** The run the walk is at; -1 before the first. */
    private int cursor = -1;
    /** The current run: its start in the union, its length, and its place in the list after the change. */
    private int runStart;
    private int runLength;
    private int place;
    /**
     * The current run's rows when removing, made on the first ask in a run (listeners may ask several times;
     * most only ask for the sizes, and a run's object for each of half a million runs per walk adds up).
     */
    private List<TaskRow> removedRows;

    private RefilterChange(ObservableList<TaskRow> list, SortedTaskRows source, RefilterRuns refilter,
                           boolean removing) {
        super(list);
        this.source = source;
        this.union = refilter.union();
        this.runs = removing ? refilter.removed() : refilter.added();
        this.removing = removing;
    }

    /** The list grew from the refilter's old set to its union. */
    static RefilterChange added(ObservableList<TaskRow> list, SortedTaskRows source, RefilterRuns refilter) {
        return new RefilterChange(list, source, refilter, false);
    }

    /** The list shrank from the refilter's union to its new set. */
    static RefilterChange removed(ObservableList<TaskRow> list, SortedTaskRows source, RefilterRuns refilter) {
        return new RefilterChange(list, source, refilter, true);
    }

    @Override
    public boolean next() {
        if (cursor + 1 >= runs.count()) {
            // The last run stays current, as in JavaFX's own changes: the table's selection model asks the change
            // again after its walk.
            return false;
        }
        cursor++;
        runStart = runs.start(cursor);
        runLength = runs.length(cursor);
        place = runs.place(cursor);
        removedRows = null;
        return true;
    }

    @Override
    public void reset() {
        cursor = -1;
        runLength = 0;
    }

    @Override
    public int getFrom() {
        checkRun();
        return place;
    }

    @Override
    public int getTo() {
        checkRun();
        return removing ? place : place + runLength;
    }

    @Override
    public List<TaskRow> getRemoved() {
        checkRun();
        if (removedRows == null) {
            removedRows = removing ? new Rows(runStart, runLength) : List.of();
        }
        return removedRows;
    }

    // The answers below follow from the two kinds of run; given directly, as the table's models ask them of
    // every run.

    @Override
    public boolean wasAdded() {
        checkRun();
        return !removing;
    }

    @Override
    public boolean wasRemoved() {
        checkRun();
        return removing;
    }

    @Override
    public boolean wasReplaced() {
        return false;
    }

    @Override
    public boolean wasPermutated() {
        return false;
    }

    @Override
    public int getAddedSize() {
        checkRun();
        return removing ? 0 : runLength;
    }

    @Override
    public int getRemovedSize() {
        checkRun();
        return removing ? runLength : 0;
    }

    @Override
    protected int[] getPermutation() {
        return NO_PERMUTATION;
    }

    private void checkRun() {
        if (runLength == 0) {
            throw new IllegalStateException("next() was not called, or the change has no run");
        }
    }

    /** The rows of one removed run, read from the source. */
    private final class Rows extends AbstractList<TaskRow> implements RandomAccess {
        private final int start;
        private final int length;

        private Rows(int start, int length) {
            this.start = start;
            this.length = length;
        }

        @Override
        public TaskRow get(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return source.get(union[start + index]);
        }

        @Override
        public int size() {
            return length;
        }
    }
}
