package dev.reelwatch.provider;

import com.sun.net.httpserver.HttpServer;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keys go to the account's own host only: a redirect to another host (here: another port) arrives without them. */
class CrossHostRedirectTest {
    private static final String KEY = "sk-redirect-secret";
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> authSeenByOther = new CopyOnWriteArrayList<>();
    private final List<String> authSeenByOwn = new CopyOnWriteArrayList<>();
    private final HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
            "Reelwatch/test", Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
    private final RequestContext ctx = new RequestContext(ProviderKind.MESHAPI, "studio");

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private HttpServer server(String path, int status, String location, String body, List<String> authSeen)
            throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext(path, ex -> {
            authSeen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            if (location != null) {
                ex.getResponseHeaders().set("Location", location.replace("{port}", String.valueOf(port(s))));
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    private static int port(HttpServer s) {
        return s.getAddress().getPort();
    }

    @Test
    void authorizationIsDroppedOnARedirectToAnotherHost() throws Exception {
        HttpServer other = server("/", 200, null, "{\"ok\":true}", authSeenByOther);
        HttpServer own = server("/", 302, "http://localhost:" + port(other) + "/elsewhere", "", authSeenByOwn);

        HttpTransport.JsonResponse r = transport.getJson(ctx, URI.create("http://127.0.0.1:" + port(own) + "/v1/x"),
                Map.of("Authorization", "Bearer " + KEY));

        assertEquals(200, r.status());
        assertEquals(List.of("Bearer " + KEY), authSeenByOwn, "the account's own host got the key");
        assertEquals(List.of("null"), authSeenByOther, "the other host got no key");
    }

    @Test
    void aSameHostRedirectKeepsTheKey() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", ex -> {
            seen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            boolean first = ex.getRequestURI().getPath().equals("/old");
            if (first) {
                ex.getResponseHeaders().set("Location", "/new");
                ex.sendResponseHeaders(301, -1);
            } else {
                byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.start();
        servers.add(s);
        transport.getJson(ctx, URI.create("http://127.0.0.1:" + port(s) + "/old"), Map.of("Authorization", "Bearer " + KEY));
        assertEquals(List.of("Bearer " + KEY, "Bearer " + KEY), seen);
    }

    @Test
    void endlessRedirectsEndWithABadResponse() throws Exception {
        HttpServer loop = server("/", 307, "http://127.0.0.1:{port}/again", "", authSeenByOwn);
        ProviderException e = assertThrows(ProviderException.class, () -> transport.getJson(ctx,
                URI.create("http://127.0.0.1:" + port(loop) + "/start"), Map.of()));
        assertEquals(ProviderErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(4, authSeenByOwn.size(), "the first request and three redirects, no more");
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() throws Exception {
        HttpServer own = server("/", 302, "file:///etc/passwd", "", authSeenByOwn);
        ProviderException e = assertThrows(ProviderException.class, () -> transport.getJson(ctx,
                URI.create("http://127.0.0.1:" + port(own) + "/x"), Map.of()));
        assertEquals(ProviderErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(1, authSeenByOwn.size());
    }
}
