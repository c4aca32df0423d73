package dev.reelwatch.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A provider simulator on loopback: routes requests to {@link #handle}, counts them, and applies the
 * switched-on {@link SimFaults}. Subclasses speak one provider's API exactly as its docs say.
 */
public abstract class SimServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimServer.class.getName());
    private static final int HUGE_PADDING = 20 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String prefix;
    private final SimFaults faults = new SimFaults();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong totalRequests = new AtomicLong();
    private volatile JsonRewrite jsonRewrite;
    private volatile Consumer<SimRequest> watcher = r -> { };
    protected final Clock clock;

    /**
     * @param prefix a path prefix the API sits under (e.g. "/proxy"), "" for none: tests that a base URL
     *               with a path works
     */
    protected SimServer(Clock clock, String prefix) {
        this.clock = clock;
        this.prefix = prefix;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the simulator", e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, getClass().getSimpleName() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    public SimServer start() {
        // Registered here, not in the constructor, so no request reaches a half-built subclass.
        server.createContext("/", this::exchange);
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Base URL for clients, including the prefix, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimFaults faults() {
        return faults;
    }

    /**
     * Rewrites every successful JSON answer of the API routes before it is sent (null: none): API drift and
     * hostile data (nulls, wrong types, huge pages, duplicate ids) for every provider alike.
     */
    public void rewriteJson(JsonRewrite rewrite) {
        jsonRewrite = rewrite;
    }

    /** Edits a simulator's JSON answer; {@code routeKey} says which route answered (see {@link #routeKey}). */
    @FunctionalInterface
    public interface JsonRewrite {
        com.fasterxml.jackson.databind.JsonNode rewrite(String routeKey, com.fasterxml.jackson.databind.JsonNode body);
    }

    /**
     * Shows every request to {@code watcher} as it arrives (on the server's threads), e.g. to see which
     * {@code Range} a client asked for across many downloads.
     */
    public void watchRequests(Consumer<SimRequest> watcher) {
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    /** Requests received on routes whose key (see {@link #routeKey}) equals {@code key}. */
    public int requestCount(String key) {
        AtomicInteger c = requestCounts.get(key);
        return c == null ? 0 : c.get();
    }

    public long totalRequests() {
        return totalRequests.get();
    }

    public void resetCounts() {
        requestCounts.clear();
        totalRequests.set(0);
    }

    /** Answers one API request. */
    protected abstract SimResponse handle(SimRequest request);

    /** A stable name for counting, e.g. "list" or "get"; by default method and path. */
    protected String routeKey(SimRequest request) {
        return request.method() + " " + request.path();
    }

    /** Whether this request downloads a file (faults do not apply unless asked). */
    protected boolean isFileRequest(SimRequest request) {
        return false;
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            SimRequest req = SimRequest.of(ex.getRequestMethod(), ex.getRequestURI(), prefix, ex.getRequestHeaders());
            totalRequests.incrementAndGet();
            requestCounts.computeIfAbsent(routeKey(req), k -> new AtomicInteger()).incrementAndGet();
            watcher.accept(req);
            boolean file = isFileRequest(req);
            Set<Fault> now = file && !faults.appliesToFiles() ? Set.of() : faults.take();
            if (now.contains(Fault.LATENCY)) {
                sleep(faults.latency().toMillis());
            }
            if (now.contains(Fault.HANG)) {
                sleep(faults.hangFor().toMillis());
            }
            SimResponse spoiled = spoil(now);
            SimResponse res = spoiled != null ? spoiled : handle(req);
            JsonRewrite rewrite = jsonRewrite;
            if (rewrite != null && !file && spoiled == null) {
                res = rewritten(res, routeKey(req), rewrite);
            }
            write(ex, req, res, now);
        } catch (IOException e) {
            LOG.log(Level.FINE, "simulator client went away", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator route failed", e);
        }
    }

    private static SimResponse rewritten(SimResponse res, String route, JsonRewrite rewrite) {
        String type = res.headers().getOrDefault("Content-Type", "");
        if (res.status() != 200 || !type.startsWith("application/json")) {
            return res;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode body = dev.reelwatch.provider.Json.mapper().readTree(res.body());
            byte[] text = dev.reelwatch.provider.Json.mapper().writeValueAsBytes(rewrite.rewrite(route, body));
            return new SimResponse(res.status(), res.headers(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("a simulator answer is not JSON", e);
        }
    }

    private SimResponse spoil(Set<Fault> now) {
        if (now.contains(Fault.RATE_LIMIT)) {
            return SimResponse.json(429, "{\"detail\":\"Too Many Requests\"}")
                    .withHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
        }
        if (now.contains(Fault.UNAUTHORIZED)) {
            return detail(401, "Invalid API key");
        }
        if (now.contains(Fault.FORBIDDEN)) {
            return detail(403, "Not enough permissions");
        }
        if (now.contains(Fault.NOT_FOUND)) {
            return detail(404, "Not Found");
        }
        if (now.contains(Fault.UNPROCESSABLE)) {
            return SimResponse.json(422, "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"limit\"],"
                    + "\"msg\":\"Field required\",\"input\":null}]}");
        }
        if (now.contains(Fault.UNKNOWN_STATUS)) {
            return SimResponse.json(418, "{\"detail\":\"I'm a teapot\"}");
        }
        if (now.contains(Fault.SERVER_ERROR)) {
            return SimResponse.html(500, htmlPage("500 Internal Server Error"));
        }
        if (now.contains(Fault.BAD_GATEWAY)) {
            return SimResponse.html(502, htmlPage("502 Bad Gateway"));
        }
        if (now.contains(Fault.UNAVAILABLE)) {
            return SimResponse.html(503, htmlPage("503 Service Temporarily Unavailable"));
        }
        if (now.contains(Fault.DISABLED)) {
            return SimResponse.json(501, "{\"error\":{\"code\":\"not_implemented\",\"message\":"
                    + "\"This route is mounted but temporarily disabled.\",\"type\":\"not_implemented\"}}");
        }
        if (now.contains(Fault.MALFORMED_JSON)) {
            return SimResponse.json(200, "<html>this is not json</html>");
        }
        return null;
    }

    static String htmlPage(String title) {
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private void write(HttpExchange ex, SimRequest req, SimResponse res, Set<Fault> now) throws IOException {
        res.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = res.body();
        if (now.contains(Fault.TRUNCATED_JSON)) {
            body = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
        }
        if (now.contains(Fault.HUGE_BODY)) {
            byte[] huge = new byte[body.length + HUGE_PADDING];
            java.util.Arrays.fill(huge, (byte) ' ');
            System.arraycopy(body, 0, huge, 0, body.length);
            body = huge;
        }
        boolean head = "HEAD".equals(req.method());
        if (body.length == 0 || head) {
            ex.sendResponseHeaders(res.status(), head ? -1 : -1);
            return;
        }
        ex.sendResponseHeaders(res.status(), body.length);
        OutputStream out = ex.getResponseBody();
        if (now.contains(Fault.CONNECTION_RESET)) {
            out.write(body, 0, Math.max(1, body.length / 3));
            out.flush();
            // Closing the exchange before the promised length was sent cuts the connection.
            ex.getHttpContext().getServer();
            throw new IOException("connection cut on purpose");
        }
        if (now.contains(Fault.SLOW_DRIP)) {
            int chunk = faults.dripBytes();
            long pause = faults.dripPause().toMillis();
            for (int i = 0; i < body.length; i += chunk) {
                out.write(body, i, Math.min(chunk, body.length - i));
                out.flush();
                sleep(pause);
            }
        } else {
            out.write(body);
        }
        out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An error envelope helper for subclasses that speak FastAPI: {@code {"detail": "..."}}. */
    protected static SimResponse detail(int status, String message) {
        return SimResponse.json(status, "{\"detail\":" + quote(message) + "}");
    }

    /** FastAPI's 401 for a missing or wrong {@code Authorization: Bearer} key; empty when the key is right. */
    protected static Optional<SimResponse> bearerRefusal(SimRequest request, String apiKey) {
        Optional<String> auth = request.header("Authorization");
        if (auth.isEmpty()) {
            return Optional.of(detail(401, "Not authenticated"));
        }
        return auth.get().equals("Bearer " + apiKey) ? Optional.empty() : Optional.of(detail(401, "Invalid API key"));
    }

    protected static String quote(String s) {
        try {
            return dev.reelwatch.provider.Json.mapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
