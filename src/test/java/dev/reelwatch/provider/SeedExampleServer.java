package dev.reelwatch.provider;

import dev.reelwatch.sim.SimRequest;
import dev.reelwatch.sim.SimResponse;
import dev.reelwatch.sim.SimServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers fixed JSON bodies (e.g. a provider document's printed example) per path, and records requests. */
public final class SeedExampleServer extends SimServer {
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<SimRequest> requests = new CopyOnWriteArrayList<>();

    public SeedExampleServer(Clock clock) {
        super(clock, "");
    }

    @Override
    public SeedExampleServer start() {
        super.start();
        return this;
    }

    public SeedExampleServer answer(String path, String body) {
        bodies.put(path, body);
        return this;
    }

    public List<SimRequest> requests() {
        return requests;
    }

    public static String resource(String path) {
        try (InputStream in = SeedExampleServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        requests.add(request);
        String body = bodies.get(request.path());
        return body == null ? SimResponse.json(404, "{\"detail\":\"Not Found\"}") : SimResponse.json(200, body);
    }
}
