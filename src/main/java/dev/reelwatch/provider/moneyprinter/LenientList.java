package dev.reelwatch.provider.moneyprinter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.provider.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of strings however MoneyPrinterTurbo stored it: a JSON array, JSON-in-a-string (Redis mode),
 * Python's {@code str(list)} with single quotes (older Redis mode) or a lone string.
 */
final class LenientList {

    private LenientList() {
    }

    static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                    out.add(item.asText().strip());
                }
            }
            return out;
        }
        if (!v.isTextual()) {
            return out;
        }
        String t = v.asText().strip();
        if (t.isEmpty() || t.equals("[]") || t.equalsIgnoreCase("none") || t.equalsIgnoreCase("null")) {
            return out;
        }
        if (!t.startsWith("[")) {
            out.add(t);
            return out;
        }
        try {
            JsonNode parsed = Json.mapper().readTree(t);
            if (parsed.isArray()) {
                return strings(parsed);
            }
        } catch (Exception notJson) {
            // Python repr: fall through.
        }
        return pythonRepr(t);
    }

    /** Parses {@code ['a', "b"]} with Python's escaping (a Windows path shows its backslashes doubled). */
    private static List<String> pythonRepr(String t) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < t.length() && t.charAt(j) != c) {
                    if (t.charAt(j) == '\\' && j + 1 < t.length()) {
                        j++;
                    }
                    sb.append(t.charAt(j));
                    j++;
                }
                if (!sb.toString().isBlank()) {
                    out.add(sb.toString().strip());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
