package dev.reelwatch.ui.tasks;

import java.util.function.Consumer;

/**
 * Task id → row, open addressing over one {@code TaskRow[]} probed by each row's own id: about 8 bytes a row
 * (the table is kept at most half full) instead of a {@code HashMap<Long, …>}'s ~50 (entry, boxed key), which
 * counts at a million rows. A probe reads the row it passes; lookups are few (a page of changes at a time).
 */
final class RowIndex {
    private TaskRow[] slots;
    private int size;

    RowIndex(int expected) {
        slots = new TaskRow[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
    }

    int size() {
        return size;
    }

    TaskRow get(long id) {
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            TaskRow r = slots[i];
            if (r == null || r.id() == id) {
                return r;
            }
        }
    }

    /** Puts the row under its id; returns the row it replaced, or null. */
    TaskRow put(TaskRow row) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        long id = row.id();
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            TaskRow r = slots[i];
            if (r == null) {
                slots[i] = row;
                size++;
                return null;
            }
            if (r.id() == id) {
                slots[i] = row;
                return r;
            }
        }
    }

    /** Removes the id; returns its row, or null. Backward-shift deletion keeps probe chains whole. */
    TaskRow remove(long id) {
        int mask = slots.length - 1;
        int i = slot(id, mask);
        while (true) {
            TaskRow r = slots[i];
            if (r == null) {
                return null;
            }
            if (r.id() == id) {
                break;
            }
            i = (i + 1) & mask;
        }
        TaskRow removed = slots[i];
        int gap = i;
        for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = slot(slots[j].id(), mask);
            // Move j into the gap when its home slot is not between the gap and j (cyclically).
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = null;
        size--;
        return removed;
    }

    void forEach(Consumer<TaskRow> action) {
        for (TaskRow r : slots) {
            if (r != null) {
                action.accept(r);
            }
        }
    }

    private void grow() {
        TaskRow[] old = slots;
        slots = new TaskRow[old.length * 2];
        size = 0;
        for (TaskRow r : old) {
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
