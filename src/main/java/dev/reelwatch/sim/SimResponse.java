package dev.reelwatch.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulator answers; faults are applied to it by {@link SimServer} before it is sent. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public static SimResponse json(int status, String json) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return new SimResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse html(int status, String html) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "text/html; charset=utf-8");
        return new SimResponse(status, h, html.getBytes(StandardCharsets.UTF_8));
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, h, body);
    }
}
