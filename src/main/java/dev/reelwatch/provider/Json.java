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

    /** Digits before or after the point beyond which a number is taken as unreadable. */
    private static final int MAX_DIGITS = 40;
    private static final int MAX_NUMBER_TEXT = 100;
    /** The span a provider's time may fall in; anything outside (or beyond what Instant holds) is unknown. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

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

    /** The field as a whole number; null when absent, odd, fractional beyond a long or out of a long's range. */
    public static Long longValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.canConvertToLong() ? v.asLong() : null;
        }
        if (v.isTextual()) {
            BigDecimal d = parseDecimal(v.asText());
            return d == null ? null : toLong(d);
        }
        return null;
    }

    /** The field as an int; null when absent, odd or outside an int's range (never silently clamped). */
    public static Integer intValue(JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /**
     * The field as a decimal; null when absent, odd, or of an absurd magnitude (a hostile {@code 1e999999999}
     * would make later arithmetic on it take minutes or all memory).
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return sane(v.decimalValue());
        }
        if (v.isTextual()) {
            return parseDecimal(v.asText());
        }
        return null;
    }

    public static Double doubleValue(JsonNode node, String field) {
        BigDecimal v = decimal(node, field);
        if (v == null) {
            return null;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    private static BigDecimal parseDecimal(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        try {
            return sane(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Null for numbers whose magnitude or precision no provider field can mean. */
    private static BigDecimal sane(BigDecimal d) {
        int integerDigits = d.precision() - d.scale();
        return integerDigits > MAX_DIGITS || d.scale() > MAX_DIGITS ? null : d;
    }

    private static Long toLong(BigDecimal d) {
        java.math.BigInteger whole = d.toBigInteger();
        return whole.bitLength() < 64 ? whole.longValue() : null;
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

    /**
     * Reads an instant given as Unix seconds or milliseconds (number or text) or as ISO-8601 text; null when
     * absent, odd, or out of range (a 20-digit number, {@code Long.MIN_VALUE}, year 300000): the field is then
     * unknown, and the raw value stays in the task's raw JSON.
     */
    public static Instant instant(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.canConvertToLong() ? epoch(v.asLong()) : null;
        }
        if (!v.isTextual()) {
            return null;
        }
        String t = v.asText().trim();
        if (t.isEmpty() || t.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            BigDecimal d = parseDecimal(t);
            Long value = d == null ? null : toLong(d);
            return value == null ? null : epoch(value);
        }
        return inRange(parseIso(t));
    }

    private static Instant parseIso(String t) {
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

    /** Seconds, or milliseconds when the number is too large to be seconds; null when out of range. */
    private static Instant epoch(long value) {
        if (value > 100_000_000_000L) {
            return inRange(Instant.ofEpochMilli(value));
        }
        if (value < EARLIEST.getEpochSecond()) {
            return null;
        }
        return inRange(Instant.ofEpochSecond(value));
    }

    private static Instant inRange(Instant t) {
        return t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }
}
