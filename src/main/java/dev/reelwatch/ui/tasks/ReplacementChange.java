package dev.reelwatch.ui.tasks;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * One sub-change that replaces a whole list: {@code removed} (a view the caller keeps valid while listeners run)
 * gave way to every element the list holds now. What a refilter publishes, as {@code FilteredList} does.
 */
final class ReplacementChange extends ListChangeListener.Change<TaskRow> {
    private static final int[] NO_PERMUTATION = new int[0];

    private final List<TaskRow> removed;
    private final int addedSize;
    private int cursor = -1;

    ReplacementChange(ObservableList<TaskRow> list, List<TaskRow> removed) {
        super(list);
        this.removed = removed;
        this.addedSize = list.size();
    }

    @Override
    public boolean next() {
        cursor++;
        return cursor == 0;
    }

    @Override
    public void reset() {
        cursor = -1;
    }

    @Override
    public int getFrom() {
        checkState();
        return 0;
    }

    @Override
    public int getTo() {
        checkState();
        return addedSize;
    }

    @Override
    public List<TaskRow> getRemoved() {
        checkState();
        return removed;
    }

    @Override
    protected int[] getPermutation() {
        checkState();
        return NO_PERMUTATION;
    }

    private void checkState() {
        if (cursor != 0) {
            throw new IllegalStateException("Invalid Change state: next() must be called before inspecting it.");
        }
    }
}
