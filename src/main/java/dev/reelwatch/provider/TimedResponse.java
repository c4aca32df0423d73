package dev.reelwatch.provider;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A response whose body is another stream (a {@link TimedBody} it was subscribed to): API calls and downloads. */
public record TimedResponse(HttpResponse<?> inner, InputStream body) implements HttpResponse<InputStream> {
    @Override
    public int statusCode() {
        return inner.statusCode();
    }

    @Override
    public HttpRequest request() {
        return inner.request();
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
        return inner.headers();
    }

    @Override
    public Optional<javax.net.ssl.SSLSession> sslSession() {
        return inner.sslSession();
    }

    @Override
    public URI uri() {
        return inner.uri();
    }

    @Override
    public HttpClient.Version version() {
        return inner.version();
    }
}
