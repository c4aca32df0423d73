package dev.reelwatch.store;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How tags are spelled in the cache: trimmed, inner whitespace as one space, lower case, at most
 * {@link #MAX_LENGTH} characters — so "Hero  Shot" and "hero shot" are the same tag.
 */
public final class TaskTags {
    public static final int MAX_LENGTH = 48;

    private TaskTags() {
    }

    /** The tag as stored; empty when nothing is left of it. */
    public static String normalise(String tag) {
        if (tag == null) {
            return "";
        }
        String t = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH).strip() : t;
    }

    /** Normalised, without empties and duplicates, sorted. */
    public static TreeSet<String> normaliseAll(Collection<String> tags) {
        TreeSet<String> out = new TreeSet<>();
        for (String t : tags) {
            String n = normalise(t);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }
}
