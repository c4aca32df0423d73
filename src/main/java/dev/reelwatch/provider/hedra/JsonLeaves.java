package dev.reelwatch.provider.hedra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a JSON object to dotted paths ({@code input.generated_video_inputs.resolution}) and display
 * values, so every field a provider sends can be kept as a task parameter. Lists of plain values become
 * one comma-separated value; lists of objects are indexed ({@code items[0].name}); nulls are dropped.
 */
final class JsonLeaves {

    private JsonLeaves() {
    }

    static Map<String, String> of(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
            return;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            boolean plain = true;
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    plain = false;
                    break;
                }
                if (!item.isNull()) {
                    values.add(item.asText());
                }
            }
            if (plain) {
                if (!values.isEmpty()) {
                    out.put(path, String.join(", ", values));
                }
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), out);
            }
            return;
        }
        out.put(path, node.asText());
    }
}
