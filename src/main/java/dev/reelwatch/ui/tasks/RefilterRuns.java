package dev.reelwatch.ui.tasks;

import java.util.Arrays;

/**
 * A refilter from one ascending set of source positions to another, as {@link FilteredTaskRows} publishes it: the
 * union of both sets, the runs of the union that the old set lacks (added first) and the runs that the new set
 * lacks (dropped next), found in one pass over both sets. Each {@link RefilterChange} then replays its runs: a
 * table's models walk a change four times, and walking a million positions each time, with a branch at every edge
 * of several hundred thousand runs, was most of a broad search's cost left after the listeners' own.
 */
final class RefilterRuns {
    private final int[] union;
    private final int unionSize;
    private final Runs added;
    private final Runs removed;

    private RefilterRuns(int[] union, int unionSize, Runs added, Runs removed) {
        this.union = union;
        this.unionSize = unionSize;
        this.added = added;
        this.removed = removed;
    }

    /** The refilter from {@code before[0..beforeSize)} to {@code after[0..afterSize)}, both ascending. */
    static RefilterRuns between(int[] before, int beforeSize, int[] after, int afterSize) {
        // Typing narrows and deleting widens: then one set holds the other and is the union as it is, with no
        // copy of a million positions made and no runs of the other kind to look for.
        if (afterSize <= beforeSize) {
            Runs dropped = missing(before, beforeSize, after, afterSize, false);
            if (dropped != null) {
                return new RefilterRuns(before, beforeSize, new Runs(0), dropped);
            }
        } else {
            Runs added = missing(after, afterSize, before, beforeSize, true);
            if (added != null) {
                return new RefilterRuns(after, afterSize, added, new Runs(0));
            }
        }
        return merged(before, beforeSize, after, afterSize);
    }

    /**
     * The runs of {@code wide} that {@code narrow} lacks, placed where they stand in {@code wide}
     * ({@code placeInWide}) or where {@code narrow} resumes; null when {@code narrow} is not a subset of
     * {@code wide}.
     */
    private static Runs missing(int[] wide, int wideSize, int[] narrow, int narrowSize, boolean placeInWide) {
        Runs runs = new Runs(wideSize - narrowSize);
        int j = 0;
        for (int i = 0; i < wideSize; ) {
            if (j < narrowSize && wide[i] == narrow[j]) {
                i++;
                j++;
                continue;
            }
            if (j < narrowSize && narrow[j] < wide[i]) {
                return null;
            }
            int start = i;
            do {
                i++;
            } while (i < wideSize && (j >= narrowSize || wide[i] < narrow[j]));
            runs.add(start, i - start, placeInWide ? start : j);
        }
        return j == narrowSize ? runs : null;
    }

    /** The refilter when neither set holds the other: their union and both kinds of run, in one pass. */
    private static RefilterRuns merged(int[] before, int beforeSize, int[] after, int afterSize) {
        int[] union = new int[beforeSize + afterSize];
        Runs added = new Runs(afterSize);
        Runs removed = new Runs(beforeSize);
        int w = 0;
        int addedFrom = -1;
        int removedFrom = -1;
        int removedPlace = 0;
        for (int i = 0, j = 0; i < beforeSize || j < afterSize; w++) {
            int old = i < beforeSize ? before[i] : Integer.MAX_VALUE;
            int now = j < afterSize ? after[j] : Integer.MAX_VALUE;
            boolean inBefore = old <= now;
            boolean inAfter = now <= old;
            union[w] = Math.min(old, now);
            // An added run sits where it is in the union; a dropped one where the new set resumes (j).
            if (!inBefore && addedFrom < 0) {
                addedFrom = w;
            } else if (inBefore && addedFrom >= 0) {
                added.add(addedFrom, w - addedFrom, addedFrom);
                addedFrom = -1;
            }
            if (!inAfter && removedFrom < 0) {
                removedFrom = w;
                removedPlace = j;
            } else if (inAfter && removedFrom >= 0) {
                removed.add(removedFrom, w - removedFrom, removedPlace);
                removedFrom = -1;
            }
            if (inBefore) {
                i++;
            }
            if (inAfter) {
                j++;
            }
        }
        if (addedFrom >= 0) {
            added.add(addedFrom, w - addedFrom, addedFrom);
        }
        if (removedFrom >= 0) {
            removed.add(removedFrom, w - removedFrom, removedPlace);
        }
        return new RefilterRuns(union, w, added, removed);
    }

    /** Source positions of both sets' rows, ascending: {@code union()[0..unionSize())}. Not to be written. */
    int[] union() {
        return union;
    }

    int unionSize() {
        return unionSize;
    }

    /** Runs of the union the old set lacks, each placed where it stands in the union. */
    Runs added() {
        return added;
    }

    /** Runs of the union the new set lacks, each placed where the new set resumes after it. */
    Runs removed() {
        return removed;
    }

    /** Runs as (start in the union, length, place in the list after the change), packed three ints each. */
    static final class Runs {
        private int[] packed;
        private int count;

        private Runs(int bound) {
            packed = new int[3 * Math.max(1, Math.min(bound, 1024))];
        }

        private void add(int start, int length, int place) {
            if (3 * count == packed.length) {
                packed = Arrays.copyOf(packed, 2 * packed.length);
            }
            packed[3 * count] = start;
            packed[3 * count + 1] = length;
            packed[3 * count + 2] = place;
            count++;
        }

        int count() {
            return count;
        }

        int start(int run) {
            return packed[3 * run];
        }

        int length(int run) {
            return packed[3 * run + 1];
        }

        int place(int run) {
            return packed[3 * run + 2];
        }
    }
}
