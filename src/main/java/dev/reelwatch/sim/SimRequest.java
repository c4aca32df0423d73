package dev.reelwatch.sim;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An incoming request to a simulator: method, path (without the server's prefix), query and headers. */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers) {

    static SimRequest of(String method, URI uri, String prefix, Map<String, List<String>> headers) {
        String path = uri.getRawPath();
        if (!prefix.isEmpty() && path.startsWith(prefix)) {
            path = path.substring(prefix.length());
        }
        Map<String, List<String>> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        return new SimRequest(method, URLDecoder.decode(path, StandardCharsets.UTF_8), q, h);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Optional<String> param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
