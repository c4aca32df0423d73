package dev.reelwatch.ui.tasks;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Task id → row, open addressing over a {@code long[]} and a {@code TaskRow[]}: about 12 bytes a row instead of
 * a {@code HashMap<Long, …>}'s ~50 (entry, boxed key), which counts at a million rows.
 */
final class RowIndex {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private TaskRow[] values;
    private int size;

    RowIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new TaskRow[capacity];
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    TaskRow get(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                return values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** Puts the row under its id; returns the row it replaced, or null. */
    TaskRow put(TaskRow row) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long id = row.id();
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                TaskRow before = values[i];
                values[i] = row;
                return before;
            }
            if (k == EMPTY) {
                keys[i] = id;
                values[i] = row;
                size++;
                return null;
            }
        }
    }

    /** Removes the id; returns its row, or null. Backward-shift deletion keeps probe chains whole. */
    TaskRow remove(long id) {
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (keys[i] != id) {
            if (keys[i] == EMPTY) {
                return null;
            }
            i = (i + 1) & mask;
        }
        TaskRow removed = values[i];
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            // Move j into the gap when its home slot is not between the gap and j (cyclically).
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = EMPTY;
        values[gap] = null;
        size--;
        return removed;
    }

    void forEach(Consumer<TaskRow> action) {
        for (TaskRow r : values) {
            if (r != null) {
                action.accept(r);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        TaskRow[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new TaskRow[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (TaskRow r : oldValues) {
            if (r != null) {
                put(r);
            }
        }
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
