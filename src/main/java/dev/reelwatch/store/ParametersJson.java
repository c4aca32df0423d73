package dev.reelwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Encodes a task's parameter map as a JSON object in one column, keeping the provider's order. */
final class ParametersJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP_TYPE = new TypeReference<>() {
    };

    private ParametersJson() {
    }

    static String encode(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "{}"; // what Jackson writes, without a serializer round for each such task
        }
        try {
            return MAPPER.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not encode task parameters: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> decode(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not decode task parameters: " + e.getOriginalMessage(), e);
        }
    }
}
