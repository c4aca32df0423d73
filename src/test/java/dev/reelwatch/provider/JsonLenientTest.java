package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The lenient field readers: a value no field can hold is unknown (null), never an exception. */
class JsonLenientTest {

    private static JsonNode item(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void instantsOutOfRangeAreUnknown() throws Exception {
        JsonNode n = item("{\"a\":\"12345678901234567890\",\"b\":" + Long.MIN_VALUE + ",\"c\":" + Long.MAX_VALUE
                + ",\"d\":\"+300000-01-01T00:00:00Z\",\"e\":123456789012345678901234567890,\"f\":1.0e400,"
                + "\"ok\":1700000000,\"ms\":1700000000123,\"iso\":\"2025-03-01T10:00:00Z\"}");
        for (String f : new String[] {"a", "b", "c", "d", "e", "f"}) {
            assertNull(Json.instant(n, f), f);
        }
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), Json.instant(n, "ok"));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), Json.instant(n, "ms"));
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), Json.instant(n, "iso"));
    }

    @Test
    void numbersOutOfRangeAreUnknownNotWrappedOrClamped() throws Exception {
        JsonNode n = item("{\"big\":123456789012345678901234567890,\"text\":\"99999999999999999999\","
                + "\"huge\":\"1e999999999\",\"int\":3000000000,\"ok\":\"42\",\"frac\":\"12.7\"}");
        assertNull(Json.longValue(n, "big"));
        assertNull(Json.longValue(n, "text"));
        assertNull(Json.decimal(n, "huge"), "an absurd exponent would make later arithmetic hang");
        assertNull(Json.intValue(n, "int"));
        assertEquals(42L, Json.longValue(n, "ok"));
        assertEquals(12L, Json.longValue(n, "frac"));
        assertEquals(3_000_000_000L, Json.longValue(n, "int"));
    }
}
