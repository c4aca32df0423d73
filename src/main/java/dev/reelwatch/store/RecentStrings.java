package dev.reelwatch.store;

/**
 * Shares equal strings among those seen lately: a fixed table of slots chosen by hash, each holding the last
 * string that landed there. Meant for values that often repeat but need not (prompts: a batch pipeline sends
 * the same prompt to several models and seeds): a repeat costs one hash and one equals, a unique value one
 * hash, and the table never grows however many distinct values go by, unlike a map of them all.
 */
final class RecentStrings {
    private final String[] slots;

    /** {@code size} is rounded up to a power of two. */
    RecentStrings(int size) {
        slots = new String[Integer.highestOneBit(Math.max(2, size - 1)) << 1];
    }

    /** The string seen before that equals {@code value}, if it is still in its slot; else {@code value}. */
    String share(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & (slots.length - 1);
        String seen = slots[slot];
        if (seen != null && seen.equals(value)) {
            return seen;
        }
        slots[slot] = value;
        return value;
    }
}
