package dev.reelwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.Json;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.sim.SimTask;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * MeshAPI's task list on loopback, rendered once by the real {@link MeshApiSimulator} and then replayed page by
 * page from memory, so an ingest benchmark measures Reelwatch (HTTP, JSON, mapping, upsert) rather than the
 * simulator filtering and sorting 100,000 tasks for every page.
 */
final class MeshApiReplay implements AutoCloseable {
    static final String KEY = "sk-bench";
    static final List<String> MODELS = List.of("seedance-1-0-pro", "seedance-1-0-lite", "veo-3", "kling-2.1");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    /** Tasks rendered by the simulator at most; larger replays serve copies of them (see {@link #page}). */
    static final int RENDERED = 100_000;

    private final Map<String, byte[]> pages = new HashMap<>();
    private final int total;
    private final ArrayNode base;

    private MeshApiReplay(ArrayNode data, int pageSize, int total) throws IOException {
        this.total = total;
        this.base = data;
        for (int offset = 0; total == data.size() && offset <= total; offset += pageSize) {
            ObjectNode body = Json.mapper().createObjectNode();
            ArrayNode page = body.putArray("data");
            for (int i = offset; i < Math.min(total, offset + pageSize); i++) {
                page.add(data.get(i));
            }
            body.put("has_more", offset + pageSize < total);
            body.put("total", total);
            body.put("limit", pageSize);
            body.put("offset", offset);
            body.put("object", "list");
            pages.put(offset + ":" + pageSize, body.toString().getBytes(StandardCharsets.UTF_8));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Renders {@code n} believable finished tasks (with prompts) through the simulator and serves them. */
    static MeshApiReplay of(int n, int pageSize) throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        List<SimTask> tasks = new SimScenario(42, clock.instant()).generate(MODELS, n, 0, Duration.ofSeconds(1));
        try (MeshApiSimulator sim = new MeshApiSimulator(clock, KEY, tasks)) {
            sim.setIncludePrompt(true);
            sim.start();
            HttpResponse<byte[]> all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/v1/video/generations?limit=" + n + "&offset=0"))
                    .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = Json.mapper().readTree(all.body());
            return new MeshApiReplay((ArrayNode) body.get("data"), pageSize, n);
        }
    }

    /**
     * {@code n} tasks, of which the simulator renders {@link #RENDERED}; the rest are copies under new ids
     * ({@link #copyId}), rendered page by page as asked (a million pages held in memory would not fit).
     */
    static MeshApiReplay scaled(int n, int pageSize) throws IOException, InterruptedException {
        if (n <= RENDERED) {
            return of(n, pageSize);
        }
        MeshApiReplay rendered = of(RENDERED, pageSize);
        rendered.close();
        return new MeshApiReplay(rendered.base, pageSize, n);
    }

    /**
     * The id of the {@code k}-th copy of a rendered task: another UUID, as the providers' ids are (the seed docs
     * show UUIDs), made by mixing {@code k} into the low half; ids of other shapes get "-k" appended.
     */
    static String copyId(String id, int k) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            return id + "-" + k;
        }
        return new UUID(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits() ^ (k * 0x9E3779B97F4A7C15L))
                .toString();
    }

    /** A page made on request from the rendered tasks, for replays larger than what was rendered. */
    private byte[] page(int offset, int limit) {
        if (offset < 0 || offset > total || limit <= 0) {
            return null;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode page = body.putArray("data");
        for (int i = offset; i < Math.min(total, offset + limit); i++) {
            ObjectNode task = (ObjectNode) base.get(i % base.size()).deepCopy();
            if (i >= base.size()) {
                task.put("id", copyId(task.get("id").asText(), i / base.size()));
            }
            page.add(task);
        }
        body.put("has_more", offset + limit < total);
        body.put("total", total);
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("object", "list");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int total() {
        return total;
    }

    Account account(long id) {
        return account(id, "Bench");
    }

    /** An account of this server whose key is kept in the credentials file under its name. */
    Account account(long id, String name) {
        return new Account(id, ProviderKind.MESHAPI, name, baseUrl(), CredentialRef.credentialsFile(name), true, false);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = new HashMap<>();
            String query = ex.getRequestURI().getRawQuery();
            for (String part : query == null ? new String[0] : query.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    q.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            byte[] body = total == base.size()
                    ? pages.get(q.getOrDefault("offset", "0") + ":" + q.getOrDefault("limit", "50"))
                    : page(Integer.parseInt(q.getOrDefault("offset", "0")), Integer.parseInt(q.getOrDefault("limit", "50")));
            if (body == null) {
                body = "{\"detail\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(404, body.length);
            } else {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
