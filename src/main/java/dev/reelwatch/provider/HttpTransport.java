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
    /** The longest one API exchange (every redirect, the headers and the whole body) may take. */
    public static final Duration DEFAULT_EXCHANGE_DEADLINE = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final String userAgent;
    private final Duration requestTimeout;
    private final long maxBodyBytes;
    private final Clock clock;
    private final Duration exchangeDeadline;

    /**
     * @param requestTimeout how long to wait for the response headers
     * @param exchangeDeadline how long the whole exchange may take, body included: a server that sends its
     *                         headers at once and then one byte every few seconds is cut off there
     */
    public HttpTransport(HttpClient client, String userAgent, Duration requestTimeout, long maxBodyBytes, Clock clock,
                         Duration exchangeDeadline) {
        this.client = client;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.exchangeDeadline = exchangeDeadline;
    }

    /** A transport whose whole-exchange deadline is {@link #DEFAULT_EXCHANGE_DEADLINE}, or the header timeout when longer. */
    public HttpTransport(HttpClient client, String userAgent, Duration requestTimeout, long maxBodyBytes, Clock clock) {
        this(client, userAgent, requestTimeout, maxBodyBytes, clock,
                requestTimeout.compareTo(DEFAULT_EXCHANGE_DEADLINE) > 0 ? requestTimeout : DEFAULT_EXCHANGE_DEADLINE);
    }

    /** The same transport with another whole-exchange deadline. */
    public HttpTransport withExchangeDeadline(Duration deadline) {
        return new HttpTransport(client, userAgent, requestTimeout, maxBodyBytes, clock, deadline);
    }

    public Duration exchangeDeadline() {
        return exchangeDeadline;
    }

    /** The shared client every part of the app uses: HTTP/2 where offered, HTTP/1.1 otherwise, no auto-redirects. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The app's transport; its client is built on the first request (see {@link DeferredHttpClient}). */
    public static HttpTransport standard(String version, Clock clock) {
        return new HttpTransport(new DeferredHttpClient(() -> newHttpClient(Duration.ofSeconds(10))),
                "Reelwatch/" + version,
                Duration.ofSeconds(30), DEFAULT_MAX_BODY_BYTES, clock, DEFAULT_EXCHANGE_DEADLINE);
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
        long deadline = System.nanoTime() + exchangeDeadline.toNanos();
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody());
            currentHeaders.forEach(b::header);
            HttpResponse<InputStream> response;
            try {
                response = exchange(b.build(), deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HttpErrors.network(ctx, "the request was interrupted", e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw HttpErrors.network(ctx, hostOf(current) + " did not answer within "
                        + exchangeDeadline.toSeconds() + " s", e);
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

    /**
     * Sends and waits for the headers until {@code deadline} (a {@link System#nanoTime}); the body then comes
     * as a {@link TimedBody} that stops waiting at the same deadline.
     */
    private HttpResponse<InputStream> exchange(HttpRequest request, long deadline)
            throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        var future = client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<java.util.concurrent.Flow.Publisher<List<java.nio.ByteBuffer>>> response;
        try {
            response = future.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
        TimedBody body = new TimedBody(exchangeDeadline, deadline);
        response.body().subscribe(body);
        return new TimedResponse(response, body);
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
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
        } catch (TimedBody.TimeoutException e) {
            throw HttpErrors.network(ctx, "the answer did not arrive in time (" + e.getMessage() + "; the limit for"
                    + " a whole answer is " + exchangeDeadline.toSeconds() + " s)", e);
        } catch (IOException e) {
            throw HttpErrors.network(ctx, "the connection broke while reading the answer ("
                    + shorten(e.getMessage()) + ")", e);
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        drainQuietly(response);
    }

    private static void drainQuietly(HttpResponse<InputStream> response) {
        // Closing cancels the transfer: the body of a redirect or refused answer is of no use, and a hostile
        // server could make reading it to the end take until the deadline.
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Nothing was wanted from this body.
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
