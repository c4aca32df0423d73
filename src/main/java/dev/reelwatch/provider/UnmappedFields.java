package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Task;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Keeps the fields a mapper does not know as task parameters (objects as compact JSON), so the UI shows them. */
public final class UnmappedFields {
    /** Longer values are cut: a parameter is for reading, the raw JSON keeps everything. */
    static final int MAX_LENGTH = 500;

    private UnmappedFields() {
    }

    /** Adds every non-null field of {@code node} not in {@code known} as parameter {@code prefix + name}. */
    public static void keep(JsonNode node, Set<String> known, String prefix, Task.Builder b) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!known.contains(e.getKey()) && !v.isNull()) {
                b.parameter(prefix + e.getKey(), shorten(v.isValueNode() ? v.asText() : v.toString()));
            }
        }
    }

    /** At most {@value #MAX_LENGTH} characters, with "…" where it was cut. */
    public static String shorten(String s) {
        return s == null || s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "…";
    }
}
