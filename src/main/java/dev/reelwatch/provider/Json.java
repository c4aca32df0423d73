package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one JSON mapper of the app and lenient readers for provider fields: providers send numbers as text,
 * nulls anywhere, and times as Unix seconds or ISO text, so readers never throw on odd types.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper (immutable configuration). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The field when it is an object, else null. */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }

    /** The field's text, or null when it is absent, null or blank. */
    public static String nonBlankText(JsonNode node, String field) {
        String t = text(node, field);
        return t == null || t.isBlank() ? null : t;
    }

    /** An item's id: the field's text stripped, or empty when it has none. */
    public static Optional<String> id(JsonNode node, String field) {
        String id = nonBlankText(node, field);
        return id == null ? Optional.empty() : Optional.of(id.strip());
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    public static Long longValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim()).longValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Integer intValue(JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Double doubleValue(JsonNode node, String field) {
        BigDecimal v = decimal(node, field);
        return v == null ? null : v.doubleValue();
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String t = v.asText().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("0")) {
            return false;
        }
        return null;
    }

    /** Reads an instant given as Unix seconds (number or text) or as ISO-8601 text; null when absent or odd. */
    public static Instant instant(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return epoch(v.asLong());
        }
        String t = v.asText().trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return epoch(Long.parseLong(t));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                try {
                    // FastAPI often omits the zone for UTC times.
                    return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** Seconds, or milliseconds when the number is too large to be seconds. */
    private static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
