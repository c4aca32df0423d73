package dev.reelwatch.ui.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a search, folded to lower case, each with its 128-bit bigram signature: a row whose signature
 * lacks a bit of the word's cannot contain the word, so most rows are ruled out without reading their text.
 * Matching folds case per character, so the rows need no lower-case copy of their prompts.
 */
final class SearchWords {
    static final SearchWords NONE = new SearchWords(List.of());

    private final String[] words;
    private final long[] low;
    private final long[] high;
    private final boolean[] oneLetter;
    private final long[] letters;

    private SearchWords(List<String> folded) {
        words = folded.toArray(String[]::new);
        low = new long[words.length];
        high = new long[words.length];
        oneLetter = new boolean[words.length];
        letters = new long[words.length];
        long[] signature = new long[2];
        for (int i = 0; i < words.length; i++) {
            signature[0] = 0;
            signature[1] = 0;
            sign(words[i], signature);
            low[i] = signature[0];
            high[i] = signature[1];
            char c = words[i].length() == 1 ? words[i].charAt(0) : 0;
            oneLetter[i] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            for (int k = 0; k < words[i].length(); k++) {
                // Folded again: a text's character matching this one folds to the fold of it.
                letters[i] |= letterBit(fold(words[i].charAt(k)));
            }
        }
    }

    /** Splits on white space and folds each word. */
    static SearchWords of(String search) {
        List<String> out = new ArrayList<>();
        for (String w : search.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                StringBuilder b = new StringBuilder(w.length());
                for (int i = 0; i < w.length(); i++) {
                    b.append(fold(w.charAt(i)));
                }
                out.add(b.toString());
            }
        }
        return out.isEmpty() ? NONE : new SearchWords(out);
    }

    int size() {
        return words.length;
    }

    String word(int i) {
        return words[i];
    }

    long low(int i) {
        return low[i];
    }

    long high(int i) {
        return high[i];
    }

    /**
     * Whether a text holding all of these words holds all of {@code wider}'s too: each of its words is part of
     * one of these (a row that contains "boat" contains "bo").
     */
    boolean covers(SearchWords wider) {
        for (String w : wider.words) {
            boolean found = false;
            for (String mine : words) {
                if (mine.contains(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The letters every matching text holds, as {@link #letters} marks them: each character of each word (the
     * words are folded, and a text's character is marked by its fold, so either case of it asks the same mark).
     */
    long requiredLetters() {
        long mask = 0;
        for (long l : letters) {
            mask |= l;
        }
        return mask;
    }

    /** The marks word {@code w}'s letters ask of a text, as {@link #requiredLetters} does for all of them. */
    long letters(int w) {
        return letters[w];
    }

    /** Whether word {@code w} is one letter or digit: a text without unsure marks holds it when its mark is set. */
    boolean isOneLetter(int w) {
        return oneLetter[w];
    }

    /**
     * Marks a text's letters: one exact bit for each of a-z and 0-9 (either case), shared bits for the other
     * characters by their fold, and {@link #UNSURE_LETTERS} for a character outside ASCII that folds to ASCII
     * (the Kelvin sign matches "k"), so such texts are always tested in full.
     */
    static long letters(String text, long mask) {
        if (text == null) {
            return mask;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                mask |= letterBit(c);
            } else {
                char folded = fold(c);
                mask |= folded < 128 ? UNSURE_LETTERS
                        : letterBit(folded) | letterBit(fold(Character.toUpperCase(c)));
            }
        }
        return mask;
    }

    /** Set in a text's letters when a character outside ASCII could match an ASCII one. */
    static final long UNSURE_LETTERS = 1L << 63;

    /** The mark of a character that is folded already, or of any ASCII character. */
    private static long letterBit(char folded) {
        char c = folded >= 'A' && folded <= 'Z' ? (char) (folded + 32) : folded;
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        if (c >= '0' && c <= '9') {
            return 1L << (26 + c - '0');
        }
        return 1L << (36 + c % 27);
    }

    /** One character in lower case, ASCII without a table look-up. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** Adds the bigrams of {@code text} (folded) to the two-long signature. */
    static void sign(String text, long[] signature) {
        if (text == null || text.length() < 2) {
            return;
        }
        char previous = fold(text.charAt(0));
        for (int i = 1; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            int bit = (previous * 31 + c) & 127;
            signature[bit >>> 6] |= 1L << (bit & 63);
            previous = c;
        }
    }

    /**
     * Whether {@code text} contains the folded {@code word}, ignoring case: the first letter is found in one case
     * and then the other with {@link String#indexOf(int, int)} (vectorised in the JDK), the rest compared with
     * {@link String#regionMatches(boolean, int, String, int, int)}, which folds as {@link #fold} does. Any place
     * will do, so the second case is only looked for when the first finds none.
     */
    static boolean contains(String text, String word) {
        if (text == null) {
            return false;
        }
        int m = word.length();
        if (m == 0) {
            return true;
        }
        if (text.length() < m) {
            return false;
        }
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        return startsAt(text, lower, word) || upper != lower && startsAt(text, upper, word);
    }

    /** Whether the word occurs where {@code first} does in the text (the rest ignoring case). */
    private static boolean startsAt(String text, char first, String word) {
        int m = word.length();
        int last = text.length() - m;
        for (int i = text.indexOf(first); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i + 1, word, 1, m - 1)) {
                return true;
            }
        }
        return false;
    }
}
