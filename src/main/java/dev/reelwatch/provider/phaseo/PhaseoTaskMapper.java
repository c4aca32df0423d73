package dev.reelwatch.provider.phaseo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.UnmappedFields;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one Phaseo public video object (seed 002) to the unified {@link Task}: statuses of both doc versions,
 * several outputs (signed {@code download_url}, or key-protected {@code content_url}), billing and webhook
 * details. Tolerates nulls, placeholders and wrong types everywhere; unknown fields land in the parameters.
 */
public final class PhaseoTaskMapper {
    private static final Set<String> KNOWN = Set.of("id", "object", "status", "model", "provider", "created_at",
            "started_at", "completed_at", "poll_after_seconds", "seconds", "size", "progress", "content_url",
            "download_url", "expires_at", "asset", "outputs", "billing", "webhook", "usage", "error", "prompt");
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private final URI baseUrl;

    /** @param baseUrl the account's base URL, against which relative output URLs are resolved */
    public PhaseoTaskMapper(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The item's id, or empty when it has none (such items are reported, not mapped). */
    public Optional<String> idOf(JsonNode item) {
        return Json.id(item, "id");
    }

    /**
     * @param item one video object as Phaseo sent it; must carry an id (see {@link #idOf})
     * @param rawJson the item's JSON text, stored so nothing is lost
     */
    public Task toTask(JsonNode item, String rawJson) {
        String id = idOf(item).orElseThrow(() -> new IllegalArgumentException("Phaseo video without an id"));
        String rawStatus = Json.text(item, "status");
        TaskError error = error(item.get("error"));
        List<TaskOutput> outputs = outputs(item);
        Instant completedAt = Json.instant(item, "completed_at");
        TaskStatus status = status(rawStatus, error != null, completedAt != null, !outputs.isEmpty());
        Instant createdAt = Json.instant(item, "created_at");
        Instant startedAt = Json.instant(item, "started_at");

        Task.Builder b = Task.builder(id, status)
                .providerStatus(rawStatus == null ? "" : rawStatus)
                .model(Json.nonBlankText(item, "model"))
                .prompt(Json.nonBlankText(item, "prompt"))
                .createdAt(createdAt)
                .startedAt(startedAt)
                .completedAt(completedAt)
                .updatedAt(latest(createdAt, startedAt, completedAt))
                .progress(Json.intValue(item, "progress"))
                .error(error)
                .outputs(outputs)
                .rawJson(rawJson);
        if (status == TaskStatus.SUCCEEDED && !item.hasNonNull("progress")) {
            b.progress(100);
        }
        Long pollAfter = Json.longValue(item, "poll_after_seconds");
        if (pollAfter != null && pollAfter >= 0) {
            b.pollAfter(Duration.ofSeconds(pollAfter));
        }
        JsonNode asset = Json.object(item, "asset");
        BigDecimal seconds = Json.decimal(item, "seconds");
        if (seconds == null) {
            seconds = Json.decimal(asset, "duration_seconds");
        }
        if (seconds != null && seconds.signum() >= 0) {
            b.duration(Duration.ofMillis(seconds.multiply(BigDecimal.valueOf(1000)).longValue()));
        } else if (item.hasNonNull("seconds")) {
            b.parameter("seconds", UnmappedFields.shorten(Json.text(item, "seconds"))); // not a number: keep it as sent
        }
        String size = Json.nonBlankText(item, "size");
        Long width = Json.longValue(asset, "width");
        Long height = Json.longValue(asset, "height");
        if (size == null && width != null && height != null && width > 0 && height > 0) {
            size = width + "x" + height;
        }
        b.resolution(size).aspectRatio(ratio(size));
        b.cost(cost(item));

        b.parameter("provider", UnmappedFields.shorten(Json.text(item, "provider")));
        b.parameter("object", UnmappedFields.shorten(Json.text(item, "object")));
        b.parameter("expires_at", Json.instant(item, "expires_at"));
        b.parameter("content_url", UnmappedFields.shorten(Json.text(item, "content_url")));
        b.parameter("download_url", UnmappedFields.shorten(Json.text(item, "download_url")));
        UnmappedFields.keep(asset, Set.of(), "asset.", b);
        outputParameters(item, b);
        UnmappedFields.keep(Json.object(item, "billing"), Set.of(), "billing.", b);
        UnmappedFields.keep(Json.object(item, "usage"), Set.of(), "usage.", b);
        webhook(Json.object(item, "webhook"), b);
        UnmappedFields.keep(item, KNOWN, "", b);
        return b.build();
    }

    /** Both doc versions' names; anything else maps to the closest unified status (running unless finished). */
    static TaskStatus status(String raw, boolean hasError, boolean hasCompletedAt, boolean hasOutputs) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "pending", "queued", "submitted" -> TaskStatus.QUEUED;
            case "in_progress", "processing", "running", "generating" -> TaskStatus.RUNNING;
            case "completed", "complete", "succeeded", "success", "done" -> TaskStatus.SUCCEEDED;
            case "failed", "failure", "error" -> TaskStatus.FAILED;
            case "cancelled", "canceled" -> TaskStatus.CANCELLED;
            case "expired" -> TaskStatus.EXPIRED;
            default -> {
                if (hasError) {
                    yield TaskStatus.FAILED;
                }
                yield hasCompletedAt && hasOutputs ? TaskStatus.SUCCEEDED : TaskStatus.RUNNING;
            }
        };
    }

    /**
     * One output per file: the signed {@code download_url} (no key) when given, else the {@code content_url}
     * (needs the key). The first output carries the asset's size and checksum.
     */
    private List<TaskOutput> outputs(JsonNode item) {
        List<TaskOutput> out = new ArrayList<>();
        JsonNode asset = Json.object(item, "asset");
        Long assetBytes = Json.longValue(asset, "bytes");
        String sha256 = sha256(Json.text(asset, "sha256"));
        String assetMime = Json.nonBlankText(asset, "mime_type");
        Instant topExpiry = Json.instant(item, "expires_at");
        JsonNode outputs = item.get("outputs");
        if (outputs != null && outputs.isArray() && !outputs.isEmpty()) {
            int position = 0;
            for (JsonNode o : outputs) {
                if (!o.isObject()) {
                    position++;
                    continue;
                }
                Integer index = Json.intValue(o, "index");
                int i = index == null || index < 0 ? position : index;
                Instant expiry = Json.instant(o, "expires_at");
                String mime = Json.nonBlankText(o, "mime_type");
                TaskOutput output = output(i, Json.text(o, "download_url"), Json.text(o, "content_url"),
                        expiry != null ? expiry : topExpiry, mime != null ? mime : i == 0 ? assetMime : null,
                        out.isEmpty() ? assetBytes : null, out.isEmpty() ? sha256 : null);
                if (output != null) {
                    out.add(output);
                }
                position++;
            }
        }
        if (out.isEmpty()) {
            TaskOutput single = output(0, Json.text(item, "download_url"), Json.text(item, "content_url"), topExpiry,
                    assetMime, assetBytes, sha256);
            if (single != null) {
                out.add(single);
            }
        }
        return out;
    }

    private TaskOutput output(int index, String downloadUrl, String contentUrl, Instant expiresAt, String mime,
                              Long bytes, String sha256) {
        String download = absolute(downloadUrl);
        String content = absolute(contentUrl);
        if (download == null && content == null) {
            return null;
        }
        OutputKind kind = kind(mime);
        Long size = bytes != null && bytes >= 0 ? bytes : null;
        return download != null
                ? new TaskOutput(index, download, kind, expiresAt, size, sha256, mime, false)
                : new TaskOutput(index, content, kind, expiresAt, size, sha256, mime, true);
    }

    /** Resolves a relative URL against the base URL, keeping its path prefix; drops what is not a URL at all. */
    private String absolute(String url) {
        String u = nonBlank(url);
        if (u == null) {
            return null;
        }
        u = u.strip();
        try {
            URI parsed = URI.create(u);
            if (parsed.isAbsolute()) {
                String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
                return scheme.equals("http") || scheme.equals("https") ? u : null;
            }
            if (u.startsWith("/") && !u.startsWith("//") && baseUrl != null) {
                String base = baseUrl.toString();
                while (base.endsWith("/")) {
                    base = base.substring(0, base.length() - 1);
                }
                return URI.create(base + u).toString();
            }
        } catch (IllegalArgumentException notAUrl) {
            return null; // e.g. the docs' "<string>" placeholder
        }
        return null;
    }

    private static OutputKind kind(String mime) {
        if (mime == null) {
            return OutputKind.VIDEO;
        }
        String m = mime.toLowerCase(Locale.ROOT);
        if (m.startsWith("video/")) {
            return OutputKind.VIDEO;
        }
        if (m.startsWith("image/")) {
            return OutputKind.IMAGE;
        }
        if (m.startsWith("audio/")) {
            return OutputKind.AUDIO;
        }
        return OutputKind.OTHER;
    }

    private static String sha256(String s) {
        String v = nonBlank(s);
        return v != null && v.strip().matches("(?i)[0-9a-f]{64}") ? v.strip().toLowerCase(Locale.ROOT) : null;
    }

    /** Settled cost, else estimated, in the billing currency; else billed nanos; else {@code usage.cost}. */
    private static Cost cost(JsonNode item) {
        JsonNode billing = Json.object(item, "billing");
        String currency = currency(Json.text(billing, "currency"));
        BigDecimal amount = Json.decimal(billing, "settled_user_cost");
        if (amount == null) {
            amount = Json.decimal(billing, "estimated_user_cost");
        }
        if (amount == null) {
            Long nanos = Json.longValue(billing, "total_nanos");
            amount = nanos == null ? null : BigDecimal.valueOf(nanos).divide(NANOS).stripTrailingZeros();
        }
        if (amount == null) {
            amount = Json.decimal(Json.object(item, "usage"), "cost");
        }
        return amount == null ? null : Cost.money(amount, currency);
    }

    private static String currency(String s) {
        String v = nonBlank(s);
        return v != null && v.strip().matches("[A-Za-z]{3}") ? v.strip().toUpperCase(Locale.ROOT) : "";
    }

    private static TaskError error(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        if (error.isObject()) {
            String code = Json.text(error, "code");
            if (code == null) {
                code = Json.text(error, "type");
            }
            String message = Json.text(error, "message");
            if (code == null && message == null) {
                return error.isEmpty() ? null : new TaskError("", UnmappedFields.shorten(error.toString()));
            }
            return new TaskError(code, message);
        }
        String text = error.isValueNode() ? error.asText() : error.toString();
        return text.isBlank() || text.equals("false") ? null : new TaskError("", UnmappedFields.shorten(text));
    }

    private void outputParameters(JsonNode item, Task.Builder b) {
        JsonNode outputs = item.get("outputs");
        if (outputs == null || outputs.isNull()) {
            return;
        }
        if (!outputs.isArray()) {
            b.parameter("outputs", UnmappedFields.shorten(outputs.isValueNode() ? outputs.asText() : outputs.toString()));
            return;
        }
        b.parameter("outputs", outputs.size());
        int position = 0;
        for (JsonNode o : outputs) {
            UnmappedFields.keep(o, Set.of(), "outputs[" + position++ + "].", b);
        }
    }

    /** Webhook details are informative: a one-line summary each for delivery and attempts, plus the rest. */
    private static void webhook(JsonNode webhook, Task.Builder b) {
        if (webhook == null) {
            return;
        }
        b.parameter("webhook.url", UnmappedFields.shorten(Json.text(webhook, "url")));
        b.parameter("webhook.events", join(webhook.get("events")));
        b.parameter("webhook.has_secret", Json.bool(webhook, "has_secret"));
        JsonNode delivery = Json.object(webhook, "delivery");
        if (delivery != null) {
            List<String> parts = new ArrayList<>();
            add(parts, Json.longValue(delivery, "total_attempts"), "%d attempts");
            add(parts, Json.longValue(delivery, "delivered_events"), "%d delivered");
            add(parts, Json.longValue(delivery, "pending_retries"), "%d pending retries");
            add(parts, Json.longValue(delivery, "last_response_status"), "last answer HTTP %d");
            b.parameter("webhook.delivery", String.join(", ", parts));
            UnmappedFields.keep(delivery, Set.of(), "webhook.delivery.", b);
        }
        JsonNode attempts = webhook.get("attempts");
        if (attempts != null && attempts.isArray()) {
            StringBuilder summary = new StringBuilder().append(attempts.size()).append(" attempt(s)");
            if (!attempts.isEmpty()) {
                JsonNode last = attempts.get(attempts.size() - 1);
                summary.append("; last: ").append(Optional.ofNullable(Json.text(last, "event_type")).orElse("?"))
                        .append(" #").append(Optional.ofNullable(Json.text(last, "attempt_number")).orElse("?"))
                        .append(" → ").append(Optional.ofNullable(Json.text(last, "response_status")).orElse("no answer"));
                String err = Json.text(last, "error_message");
                if (err != null) {
                    summary.append(" (").append(err).append(')');
                }
            }
            b.parameter("webhook.attempts", UnmappedFields.shorten(summary.toString()));
        }
        UnmappedFields.keep(webhook, Set.of("url", "events", "has_secret", "delivery", "attempts"), "webhook.", b);
    }

    private static void add(List<String> parts, Long value, String format) {
        if (value != null) {
            parts.add(String.format(Locale.ROOT, format, value));
        }
    }

    private static String join(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            return UnmappedFields.shorten(array.asText());
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isValueNode() ? v.asText() : v.toString()));
        return UnmappedFields.shorten(String.join(", ", values));
    }

    /** "1280x720" → "16:9"; null when the size is not two positive integers. */
    static String ratio(String size) {
        if (size == null) {
            return null;
        }
        String[] parts = size.toLowerCase(Locale.ROOT).split("[x×*:]");
        if (parts.length != 2) {
            return null;
        }
        try {
            long w = Long.parseLong(parts[0].strip());
            long h = Long.parseLong(parts[1].strip());
            if (w <= 0 || h <= 0) {
                return null;
            }
            long g = gcd(w, h);
            return (w / g) + ":" + (h / g);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
