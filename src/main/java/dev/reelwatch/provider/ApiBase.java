package dev.reelwatch.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An account's base URL as the root of its API: joins API paths under it (it may carry a reverse-proxy path
 * prefix), encodes query values and path segments, and tells whether a URL lives on the account's own origin.
 */
public final class ApiBase {
    private final URI baseUrl;
    private final String root;

    public ApiBase(URI baseUrl) {
        this.baseUrl = baseUrl;
        String b = baseUrl.toString();
        int query = b.indexOf('?');
        if (query >= 0) {
            b = b.substring(0, query);
        }
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.root = b;
    }

    /** {@code <base><path>}; the path must already be encoded (see {@link #segment}). */
    public URI uri(String path) {
        return uri(path, List.of());
    }

    /** {@code <base><path>?k=v&…} in the given order; a key may repeat. The path must already be encoded. */
    public URI uri(String path, Collection<? extends Map.Entry<String, String>> query) {
        String q = query.isEmpty() ? "" : "?" + query.stream()
                .map(e -> segment(e.getKey()) + "=" + segment(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(root + path + q);
    }

    /** Percent-encodes one path segment or query value (spaces as {@code %20}). */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether {@code target} has the account's scheme, host and port: only there may its key be sent. */
    public boolean isOriginOf(URI target) {
        if (baseUrl.getHost() == null || target.getHost() == null || target.getScheme() == null) {
            return false;
        }
        return baseUrl.getHost().equalsIgnoreCase(target.getHost()) && port(baseUrl) == port(target)
                && target.getScheme().equalsIgnoreCase(baseUrl.getScheme());
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return root;
    }
}
