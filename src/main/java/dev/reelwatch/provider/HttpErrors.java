package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.ProviderErrorKind;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns HTTP statuses and bodies into classified, readable {@link ProviderException}s. */
public final class HttpErrors {

    private HttpErrors() {
    }

    public static ProviderException fromStatus(RequestContext ctx, int status, String body,
                                               Map<String, List<String>> headers, Clock clock) {
        JsonNode json = tryParse(body);
        String who = ctx.describe();
        String providerSays = providerMessage(json).map(m -> " The provider says: " + m).orElse("");
        if (status == 401 || status == 403) {
            return new ProviderException(ProviderErrorKind.AUTHENTICATION, ctx.provider(), ctx.accountName(), status,
                    null, List.of(), who + ": the API key was " + (status == 401 ? "missing or rejected" : "not allowed to do this")
                    + " (HTTP " + status + "). Check the key in Accounts." + providerSays, null);
        }
        if (status == 404) {
            return new ProviderException(ProviderErrorKind.NOT_FOUND, ctx.provider(), ctx.accountName(), status,
                    null, List.of(), who + ": not found (HTTP 404)." + providerSays, null);
        }
        if (status == 409) {
            return new ProviderException(ProviderErrorKind.CONFLICT, ctx.provider(), ctx.accountName(), status,
                    null, List.of(), who + ": the provider refuses this while the task is in its present state"
                    + " (HTTP 409)." + providerSays, null);
        }
        if (status == 422 || status == 400) {
            List<String> details = validationDetails(json);
            String detailText = details.isEmpty() ? providerSays : " " + String.join("; ", details);
            return new ProviderException(ProviderErrorKind.VALIDATION, ctx.provider(), ctx.accountName(), status,
                    null, details, who + ": the provider rejected the request (HTTP " + status + ")." + detailText, null);
        }
        if (status == 429) {
            Duration wait = first(headers, "retry-after").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
            String when = wait == null ? "" : " It asks to wait " + wait.toSeconds() + " s.";
            return new ProviderException(ProviderErrorKind.RATE_LIMITED, ctx.provider(), ctx.accountName(), status,
                    wait, List.of(), who + ": too many requests (HTTP 429)." + when, null);
        }
        if (status == 501) {
            String text = ctx.provider() == dev.reelwatch.core.ProviderKind.PHASEO
                    ? "Phaseo has disabled its video API for now (501 not_implemented)."
                    : ctx.provider().displayName() + " has disabled this API for now (501 not_implemented).";
            return new ProviderException(ProviderErrorKind.PROVIDER_DISABLED, ctx.provider(), ctx.accountName(), status,
                    null, List.of(), who + ": " + text + " Cached tasks are kept; Reelwatch checks again later.", null);
        }
        if (status >= 500) {
            String kind = switch (status) {
                case 502 -> "its upstream failed (HTTP 502)";
                case 503 -> "it is unavailable (HTTP 503)";
                case 504 -> "its upstream timed out (HTTP 504)";
                default -> "it had an internal error (HTTP " + status + ")";
            };
            return new ProviderException(ProviderErrorKind.UPSTREAM, ctx.provider(), ctx.accountName(), status,
                    first(headers, "retry-after").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null), List.of(),
                    who + ": " + kind + "; Reelwatch will try again." + providerSays, null);
        }
        return badResponse(ctx, status, "unexpected HTTP status " + status + "." + providerSays, null);
    }

    public static ProviderException badResponse(RequestContext ctx, int status, String what, Throwable cause) {
        return new ProviderException(ProviderErrorKind.BAD_RESPONSE, ctx.provider(), ctx.accountName(), status, null,
                List.of(), ctx.describe() + ": the provider sent a response Reelwatch cannot read: " + what, cause);
    }

    public static ProviderException network(RequestContext ctx, String what, Throwable cause) {
        return new ProviderException(ProviderErrorKind.NETWORK, ctx.provider(), ctx.accountName(), 0, null, List.of(),
                ctx.describe() + ": " + what + ".", cause);
    }

    /**
     * Field errors of a validation answer: FastAPI's {@code detail} list, or MoneyPrinterTurbo's own envelope
     * {@code {status: 400, message, data: [{type, loc, msg}, ...]}}, which reads the same once moved to {@code detail}.
     */
    static List<String> validationDetails(JsonNode json) {
        List<String> details = HttpTransport.validationDetails(json);
        JsonNode data = json == null || !json.isObject() ? null : json.get("data");
        if (details.isEmpty() && data != null && data.isArray() && !data.isEmpty()) {
            com.fasterxml.jackson.databind.node.ObjectNode asDetail = Json.mapper().createObjectNode();
            asDetail.set("detail", data);
            details = HttpTransport.validationDetails(asDetail);
        }
        return details;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    private static JsonNode tryParse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (Exception notJson) {
            return null; // HTML error pages are common on 502/503
        }
    }

    /** The human part of an error body: {@code detail}, {@code message}, {@code error.message} or {@code error}. */
    static Optional<String> providerMessage(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        JsonNode detail = json.get("detail");
        if (detail != null && detail.isTextual()) {
            return Optional.of(HttpTransport.shorten(detail.asText()));
        }
        JsonNode error = json.get("error");
        if (error != null && error.isObject()) {
            String m = Json.text(error, "message");
            if (m != null) {
                return Optional.of(HttpTransport.shorten(m));
            }
        }
        if (error != null && error.isTextual()) {
            return Optional.of(HttpTransport.shorten(error.asText()));
        }
        String message = Json.text(json, "message");
        return Optional.ofNullable(message).map(HttpTransport::shorten);
    }
}
