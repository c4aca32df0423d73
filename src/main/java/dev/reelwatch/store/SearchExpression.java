package dev.reelwatch.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a person typed into an FTS5 query that can never be a syntax error: every word becomes a quoted
 * phrase with prefix matching, all words must match. Quotes, operators and emoji are just text.
 */
final class SearchExpression {

    private SearchExpression() {
    }

    /** The MATCH expression, or empty when the text has nothing searchable (blank, or only punctuation). */
    static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> phrases = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (hasWordCharacter(word)) {
                phrases.add('"' + word.replace("\"", "\"\"") + "\"*");
            }
        }
        return phrases.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", phrases));
    }

    // Mirrors the tokenizer's categories (L* N* Co So): a word without any of these would be an empty phrase,
    // which matches nothing and would make the whole search come back empty.
    private static boolean hasWordCharacter(String word) {
        return word.codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.PRIVATE_USE
                || Character.getType(cp) == Character.OTHER_SYMBOL
                || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER);
    }
}
