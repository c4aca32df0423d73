package dev.reelwatch.ui.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompt split into words, each marked as shared with the baseline prompt or not (a longest common
 * subsequence of words), so the words that differ between two generations stand out.
 */
public record PromptDiff(List<Part> parts) {

    /** A run of text; {@code changed} when it is not in the baseline. Whitespace is kept as it was. */
    public record Part(String text, boolean changed) {
    }

    public PromptDiff {
        parts = List.copyOf(parts);
    }

    /** How {@code prompt} differs from {@code baseline}, word by word (case-sensitive, punctuation included). */
    public static PromptDiff of(String baseline, String prompt) {
        List<String> a = tokens(baseline == null ? "" : baseline);
        List<String> b = tokens(prompt == null ? "" : prompt);
        List<String> aw = words(a);
        List<String> bw = words(b);
        int[][] lcs = new int[aw.size() + 1][bw.size() + 1];
        for (int i = aw.size() - 1; i >= 0; i--) {
            for (int j = bw.size() - 1; j >= 0; j--) {
                lcs[i][j] = aw.get(i).equals(bw.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] shared = new boolean[bw.size()];
        int i = 0;
        int j = 0;
        while (i < aw.size() && j < bw.size()) {
            if (aw.get(i).equals(bw.get(j))) {
                shared[j] = true;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        List<Part> parts = new ArrayList<>();
        int word = 0;
        for (String token : b) {
            boolean changed = !token.isBlank() && !shared[word];
            if (!token.isBlank()) {
                word++;
            }
            // Whitespace joins the run before it, so runs of changed words read as one highlight.
            if (!parts.isEmpty() && (token.isBlank() || parts.get(parts.size() - 1).changed() == changed)) {
                Part last = parts.remove(parts.size() - 1);
                parts.add(new Part(last.text() + token, last.changed()));
            } else {
                parts.add(new Part(token, changed));
            }
        }
        return new PromptDiff(parts);
    }

    /** True when at least one word differs from the baseline. */
    public boolean differs() {
        return parts.stream().anyMatch(Part::changed);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    /** Words and the whitespace between them, in order. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= s.length(); k++) {
            if (k == s.length() || Character.isWhitespace(s.charAt(k)) != Character.isWhitespace(s.charAt(start))) {
                out.add(s.substring(start, k));
                start = k;
            }
        }
        return out;
    }

    private static List<String> words(List<String> tokens) {
        return tokens.stream().filter(t -> !t.isBlank()).toList();
    }
}
