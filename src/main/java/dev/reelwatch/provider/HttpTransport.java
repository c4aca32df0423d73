package dev.reelwatch.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.ProviderErrorKind;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one HTTP layer for provider APIs: sends requests with timeouts and our User-Agent, caps response
 * bodies, follows redirects only to the same host without downgrading (so keys never leak), and turns every
 * failure into a {@link ProviderException} of the right kind.
 */
public final class HttpTransport {
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final String userAgent;
    private final Duration requestTimeout;
    private final long maxBodyBytes;
    private final Clock clock;

    public HttpTransport(HttpClient client, String userAgent, Duration requestTimeout, long maxBodyBytes, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** The shared client every part of the app uses: HTTP/2 where offered, HTTP/1.1 otherwise, no auto-redirects. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static HttpTransport standard(String version, Clock clock) {
        return new HttpTransport(newHttpClient(Duration.ofSeconds(10)), "Reelwatch/" + version,
                Duration.ofSeconds(30), DEFAULT_MAX_BODY_BYTES, clock);
    }

    public HttpClient client() {
        return client;
    }

    public String userAgent() {
        return userAgent;
    }

    public Clock clock() {
        return clock;
    }

    /** A parsed JSON answer with its raw text, kept so nothing the provider sent is lost. */
    public record JsonResponse(int status, JsonNode body, String rawText) {
    }

    /** GETs JSON; any non-2xx answer becomes a classified {@link ProviderException}. */
    public JsonResponse getJson(RequestContext ctx, URI uri, Map<String, String> headers) throws ProviderException {
        return sendJson(ctx, "GET", uri, headers);
    }

    /** DELETEs a resource and reads the JSON answer (some servers send none: body is then an empty object). */
    public JsonResponse deleteJson(RequestContext ctx, URI uri, Map<String, String> headers) throws ProviderException {
        return sendJson(ctx, "DELETE", uri, headers);
    }

    private JsonResponse sendJson(RequestContext ctx, String method, URI uri, Map<String, String> headers)
            throws ProviderException {
        RawResponse raw = send(ctx, method, uri, headers);
        if (raw.status() < 200 || raw.status() > 299) {
            throw HttpErrors.fromStatus(ctx, raw.status(), raw.text(), raw.headers(), clock);
        }
        String text = raw.text();
        if (text.isBlank()) {
            return new JsonResponse(raw.status(), Json.mapper().createObjectNode(), "{}");
        }
        try {
            return new JsonResponse(raw.status(), Json.mapper().readTree(text), text);
        } catch (JsonProcessingException e) {
            throw HttpErrors.badResponse(ctx, raw.status(),
                    "the answer is not valid JSON (" + shorten(e.getOriginalMessage()) + ")", e);
        }
    }

    private record RawResponse(int status, String text, Map<String, List<String>> headers) {
    }

    private RawResponse send(RequestContext ctx, String method, URI uri, Map<String, String> headers)
            throws ProviderException {
        URI current = uri;
        Map<String, String> currentHeaders = headers;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody());
            currentHeaders.forEach(b::header);
            HttpResponse<InputStream> response;
            try {
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HttpErrors.network(ctx, "the request was interrupted", e);
            } catch (IOException e) {
                throw classifyIo(ctx, current, e);
            } catch (IllegalArgumentException e) {
                throw HttpErrors.network(ctx, "the address " + current + " cannot be used", e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                drain(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || hop >= MAX_REDIRECTS) {
                    throw HttpErrors.badResponse(ctx, status, "too many or broken redirects", null);
                }
                URI next;
                try {
                    next = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    throw HttpErrors.badResponse(ctx, status, "the server redirected to an invalid address", e);
                }
                if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())
                        || next.getHost() == null) {
                    throw HttpErrors.badResponse(ctx, status, "the server redirected to something other than an"
                            + " http(s) address; Reelwatch refuses to follow", null);
                }
                if ("http".equalsIgnoreCase(next.getScheme()) && "https".equalsIgnoreCase(current.getScheme())) {
                    throw new ProviderException(ProviderErrorKind.INSECURE, ctx.provider(), ctx.accountName(), status,
                            null, List.of(), ctx.describe() + ": the server redirected from HTTPS to plain HTTP; "
                            + "Reelwatch refuses to follow.", null);
                }
                if (!sameHost(current, next)) {
                    // Never carry credentials to another host.
                    currentHeaders = Map.of();
                }
                current = next;
                continue;
            }
            String text = readCapped(ctx, response);
            return new RawResponse(status, text, response.headers().map());
        }
    }

    static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private String readCapped(RequestContext ctx, HttpResponse<InputStream> response) throws ProviderException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBodyBytes) {
            drainQuietly(response);
            throw HttpErrors.badResponse(ctx, response.statusCode(),
                    "the answer is too large (" + declared + " bytes; the limit is " + maxBodyBytes + ")", null);
        }
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > maxBodyBytes) {
                    throw HttpErrors.badResponse(ctx, response.statusCode(),
                            "the answer is larger than the limit of " + maxBodyBytes + " bytes", null);
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw HttpErrors.network(ctx, "the connection broke while reading the answer ("
                    + shorten(e.getMessage()) + ")", e);
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        drainQuietly(response);
    }

    private static void drainQuietly(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException ignored) {
            // The body of a redirect or refused answer is of no use; a broken one changes nothing.
        }
    }

    private static ProviderException classifyIo(RequestContext ctx, URI uri, IOException e) {
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return HttpErrors.network(ctx, "connecting to " + host + " timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return HttpErrors.network(ctx, host + " did not answer in time", e);
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return HttpErrors.network(ctx, "connection to " + host + " was refused (is the server running?)", e);
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return HttpErrors.network(ctx, "the host name " + uri.getHost() + " could not be resolved", e);
        }
        if (e instanceof SSLException) {
            return HttpErrors.network(ctx, "the secure connection to " + host + " failed (" + shorten(e.getMessage()) + ")", e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("reset") || lower.contains("closed") || lower.contains("eof")) {
            return HttpErrors.network(ctx, "the connection to " + host + " was cut (" + shorten(msg) + ")", e);
        }
        return HttpErrors.network(ctx, "talking to " + host + " failed (" + shorten(msg) + ")", e);
    }

    static String shorten(String s) {
        if (s == null) {
            return "no details";
        }
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    /** Collects nothing; used to drain bodies we do not need. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }

    /** Keeps only details a person can act on; never headers, so never a key. */
    static List<String> validationDetails(JsonNode body) {
        List<String> out = new ArrayList<>();
        JsonNode detail = body == null ? null : body.get("detail");
        if (detail != null && detail.isArray()) {
            for (JsonNode d : detail) {
                StringBuilder sb = new StringBuilder();
                JsonNode loc = d.get("loc");
                if (loc != null && loc.isArray()) {
                    List<String> parts = new ArrayList<>();
                    loc.forEach(p -> parts.add(p.asText()));
                    sb.append(String.join(".", parts)).append(": ");
                }
                sb.append(Optional.ofNullable(Json.text(d, "msg")).orElse(d.toString()));
                out.add(sb.toString());
            }
        } else if (detail != null && detail.isTextual()) {
            out.add(detail.asText());
        }
        return out;
    }
}
