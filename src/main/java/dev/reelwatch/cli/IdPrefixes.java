package dev.reelwatch.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shortest prefix of each id that no other cached id shares, as git shortens commit hashes: at least
 * {@value #MIN_LENGTH} characters, the whole id when it is that short or another id begins with it. Compared
 * without regard to case, as ids are accepted.
 */
final class IdPrefixes {
    static final int MIN_LENGTH = 8;
    static final int WORTH_CUTTING = 4;

    private final Map<String, Integer> lengths = new HashMap<>();

    IdPrefixes(Collection<String> ids) {
        List<String> sorted = new ArrayList<>();
        for (String id : ids) {
            sorted.add(id.toLowerCase(Locale.ROOT));
        }
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            String id = sorted.get(i);
            int shared = 0;
            if (i > 0) {
                shared = Math.max(shared, common(id, sorted.get(i - 1)));
            }
            if (i + 1 < sorted.size()) {
                shared = Math.max(shared, common(id, sorted.get(i + 1)));
            }
            lengths.merge(id, Math.min(id.length(), Math.max(MIN_LENGTH, shared + 1)), Math::max);
        }
    }

    /**
     * The id cut to its shortest unique prefix; unchanged when that would spare fewer than
     * {@value #WORTH_CUTTING} characters, since a cut that short only makes the id harder to recognise.
     */
    String shortest(String id) {
        int n = lengths.getOrDefault(id.toLowerCase(Locale.ROOT), id.length());
        return id.length() - n < WORTH_CUTTING ? id : id.substring(0, n);
    }

    private static int common(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
