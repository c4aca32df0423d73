package dev.reelwatch.ui.tasks;

/**
 * A provider id in the canonical UUID form (8-4-4-4-12 lower-case hex digits, the shape the seed docs show for
 * MeshAPI, Hedra and MoneyPrinterTurbo) held as two longs instead of a 36-character string: at a million rows
 * the strings alone took 80 MB. Anything else (upper case, other lengths, other shapes) stays the string it was.
 */
final class PackedUuid {
    static final int LENGTH = 36;
    private static final long NIBBLE_ONES = 0x1111_1111_1111_1111L;

    private PackedUuid() {
    }

    /** Whether {@code id} is a UUID in lower case with dashes at 8, 13, 18 and 23, so packing it loses nothing. */
    static boolean packable(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (isDash(i) ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The first 16 hex digits of a {@link #packable} id. */
    static long high(String id) {
        return digits(id, 0);
    }

    /** The last 16 hex digits of a {@link #packable} id. */
    static long low(String id) {
        return digits(id, 16);
    }

    /** The id as it was given. */
    static String text(long high, long low) {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = charAt(high, low, i);
        }
        return new String(out);
    }

    /** Character {@code i} of the id, without building it. */
    static char charAt(long high, long low, int i) {
        if (isDash(i)) {
            return '-';
        }
        int nibble = i - dashesBefore(i);
        long half = nibble < 16 ? high : low;
        int digit = (int) (half >>> (60 - 4 * (nibble & 15))) & 15;
        return (char) (digit < 10 ? '0' + digit : 'a' + digit - 10);
    }

    /**
     * Whether the id holds the folded (lower-case) {@code word}, without building it. The places where it can
     * start are found all at once: a hex first letter by the nibbles equal to it (a few bit operations on each
     * long, as quick as the vectorised {@code String.indexOf} it replaces), a dash at its four places.
     */
    static boolean contains(long high, long low, String word) {
        int m = word.length();
        if (m == 0) {
            return true;
        }
        if (m > LENGTH) {
            return false;
        }
        char first = word.charAt(0);
        if (first == '-') {
            return matchesAt(high, low, word, 8) || matchesAt(high, low, word, 13)
                    || matchesAt(high, low, word, 18) || matchesAt(high, low, word, 23);
        }
        int digit = first >= '0' && first <= '9' ? first - '0' : first >= 'a' && first <= 'f' ? first - 'a' + 10 : -1;
        if (digit < 0) {
            return false;
        }
        return startsIn(high, low, word, high, digit, 0) || startsIn(high, low, word, low, digit, 16);
    }

    /** Whether the word starts at a nibble of {@code half} (nibbles {@code base}…) equal to {@code digit}. */
    private static boolean startsIn(long high, long low, String word, long half, int digit, int base) {
        long x = half ^ (digit * NIBBLE_ONES);
        // A nibble is zero where it equals the digit: mark each nibble's lowest bit when any of its bits is set.
        long equal = ~(x | x >>> 1 | x >>> 2 | x >>> 3) & NIBBLE_ONES;
        while (equal != 0) {
            int bit = 63 - Long.numberOfLeadingZeros(equal);
            int nibble = base + 15 - bit / 4;
            if (matchesAt(high, low, word, charIndex(nibble))) {
                return true;
            }
            equal &= ~(1L << bit);
        }
        return false;
    }

    private static boolean matchesAt(long high, long low, String word, int start) {
        int m = word.length();
        if (start + m > LENGTH) {
            return false;
        }
        for (int k = 1; k < m; k++) {
            if (charAt(high, low, start + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where nibble {@code n} (0..31) stands in the text: after the dashes before it. */
    private static int charIndex(int n) {
        return n + (n >= 8 ? 1 : 0) + (n >= 12 ? 1 : 0) + (n >= 16 ? 1 : 0) + (n >= 20 ? 1 : 0);
    }

    private static long digits(String id, int firstNibble) {
        long value = 0;
        int nibble = 0;
        for (int i = 0; i < LENGTH && nibble < firstNibble + 16; i++) {
            if (isDash(i)) {
                continue;
            }
            if (nibble >= firstNibble) {
                value = value << 4 | Character.digit(id.charAt(i), 16);
            }
            nibble++;
        }
        return value;
    }

    private static boolean isDash(int i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }

    private static int dashesBefore(int i) {
        return i < 8 ? 0 : i < 13 ? 1 : i < 18 ? 2 : i < 23 ? 3 : 4;
    }
}
