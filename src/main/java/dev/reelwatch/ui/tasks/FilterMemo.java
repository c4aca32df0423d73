package dev.reelwatch.ui.tasks;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows recent filters kept, by key, for one version of the source: erasing a character of the search goes
 * back to a result seen a moment ago without testing a row. A result keeps its places as a list, or as one bit
 * per source row when that is smaller (a filter that keeps most of a million rows costs 125 KB, not 4 MB). Holds
 * a few results within a bound on their size (the least recently used go first); the owner clears it whenever
 * the source changes.
 */
final class FilterMemo {
    private final int maxResults;
    private final Map<FilterKey, Result> results = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    FilterMemo(int maxResults) {
        this.maxResults = maxResults;
    }

    /** The places kept for this key (ascending, a fresh array), or null. */
    int[] get(FilterKey key) {
        Result r = results.get(key);
        return r == null ? null : r.places();
    }

    /**
     * Keeps {@code places[0..size)} of a source of {@code sourceSize} rows, dropping the least recently used
     * results while they hold more than {@code maxInts} ints in all (a long counts two).
     */
    void put(FilterKey key, int[] places, int size, int sourceSize, long maxInts) {
        Result result = Result.of(places, size, sourceSize);
        if (result.ints() > maxInts) {
            return;
        }
        Result old = results.put(key, result);
        held += result.ints() - (old == null ? 0 : old.ints());
        Iterator<Result> eldest = results.values().iterator();
        while (held > maxInts || results.size() > maxResults) {
            held -= eldest.next().ints();
            eldest.remove();
        }
    }

    void clear() {
        results.clear();
        held = 0;
    }

    /** One result: the places themselves, or a bit per source row (null places). */
    private record Result(int[] list, long[] bits, int size) {
        static Result of(int[] places, int size, int sourceSize) {
            if (size <= sourceSize / 32) {
                return new Result(java.util.Arrays.copyOf(places, size), null, size);
            }
            long[] bits = new long[(sourceSize + 63) >>> 6];
            for (int i = 0; i < size; i++) {
                bits[places[i] >>> 6] |= 1L << places[i];
            }
            return new Result(null, bits, size);
        }

        long ints() {
            return list != null ? list.length : 2L * bits.length;
        }

        int[] places() {
            if (list != null) {
                return list.clone();
            }
            int[] out = new int[size];
            int n = 0;
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    out[n++] = w << 6 | Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                }
            }
            return out;
        }
    }
}
