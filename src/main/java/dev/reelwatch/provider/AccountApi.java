package dev.reelwatch.provider;

import dev.reelwatch.core.Account;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * One account's way into its provider's API: the account's base URL and key over the shared transport, so a
 * client only names the path it wants and every error names the account.
 */
public final class AccountApi {
    private final Account account;
    private final ApiBase base;
    private final ApiKey key;
    private final HttpTransport transport;
    private final RequestContext context;

    public AccountApi(Account account, ApiKey key, HttpTransport transport) {
        this.account = Objects.requireNonNull(account, "account");
        this.key = Objects.requireNonNull(key, "key");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = new ApiBase(account.baseUrl());
        this.context = RequestContext.of(account);
    }

    public Account account() {
        return account;
    }

    /** Who requests are made for, for error messages. */
    public RequestContext context() {
        return context;
    }

    public Clock clock() {
        return transport.clock();
    }

    /** See {@link ApiBase#uri(String)}. */
    public URI uri(String path) {
        return base.uri(path);
    }

    /** See {@link ApiBase#uri(String, Collection)}. */
    public URI uri(String path, Collection<? extends Map.Entry<String, String>> query) {
        return base.uri(path, query);
    }

    /** GET with the account's key. */
    public HttpTransport.JsonResponse get(URI uri) throws ProviderException {
        return transport.getJson(context, uri, key.headers());
    }

    /** DELETE with the account's key. */
    public HttpTransport.JsonResponse delete(URI uri) throws ProviderException {
        return transport.deleteJson(context, uri, key.headers());
    }

    /** An answer that arrived but does not say what it should ({@code BAD_RESPONSE}). */
    public ProviderException badResponse(HttpTransport.JsonResponse response, String what) {
        return HttpErrors.badResponse(context, response.status(), what, null);
    }

    /** The key's header for a URL on the account's own scheme, host and port; empty elsewhere or without a key. */
    public Map<String, String> keyHeadersFor(String url) {
        if (!key.isPresent() || url == null) {
            return Map.of();
        }
        try {
            return base.isOriginOf(URI.create(url)) ? key.headers() : Map.of();
        } catch (IllegalArgumentException notAUrl) {
            return Map.of();
        }
    }

    @Override
    public String toString() {
        return "AccountApi[" + account.name() + " @ " + base + "]";
    }
}
