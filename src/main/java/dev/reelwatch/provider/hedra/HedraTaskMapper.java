package dev.reelwatch.provider.hedra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Maps Hedra's generation objects (list items) and status answers to {@link Task}s. Every field that does
 * not become a task field is kept as a parameter under its dotted JSON path, so nothing Hedra sends is lost;
 * placeholder or odd values ({@code "<string>"} where a URL or time belongs) stay parameters, never errors.
 */
public final class HedraTaskMapper {
    private static final Logger LOG = Logger.getLogger(HedraTaskMapper.class.getName());

    private final Set<String> unknownStatusesLogged = ConcurrentHashMap.newKeySet();

    /** The generation's id, or null when it has none. */
    public static String id(JsonNode node) {
        String id = Json.text(node, "id");
        return id == null || id.isBlank() ? null : id.strip();
    }

    /** One item of {@code GET /web-app/public/generations}. */
    public Task mapGeneration(JsonNode gen, String rawJson) {
        String id = id(gen);
        if (id == null) {
            throw new IllegalArgumentException("a Hedra generation without id");
        }
        Set<String> used = new HashSet<>();
        used.add("id");
        String rawStatus = Json.text(gen, "status");
        used.add("status");
        Task.Builder b = Task.builder(id, status(rawStatus)).providerStatus(rawStatus).rawJson(rawJson);

        Integer progress = percent(gen);
        if (progress != null) {
            b.progress(progress);
            used.add("progress");
        }
        readCommon(gen, b, used);

        JsonNode asset = gen.get("asset");
        JsonNode file = asset == null ? null : asset.get("asset");
        String thumbnail = Json.text(asset, "thumbnail_url");
        if (isUrl(thumbnail)) {
            b.thumbnailUrl(thumbnail.strip());
            used.add("asset.thumbnail_url");
        }
        String url = Json.text(file, "url");
        if (isUrl(url)) {
            b.addOutput(output(url.strip(), Json.text(file, "type")));
            used.add("asset.asset.url");
        }
        Integer width = Json.intValue(file, "width");
        Integer height = Json.intValue(file, "height");
        if (width != null && height != null && width > 0 && height > 0) {
            b.resolution(width + "x" + height);
            used.add("asset.asset.width");
            used.add("asset.asset.height");
        }

        JsonNode input = gen.get("input");
        JsonNode videoInputs = input == null ? null : input.get("generated_video_inputs");
        String prefix = "input.generated_video_inputs.";
        String prompt = Json.text(videoInputs, "text_prompt");
        if (prompt != null) {
            b.prompt(prompt);
            used.add(prefix + "text_prompt");
        }
        String model = Json.text(videoInputs, "ai_model_id");
        if (model != null) {
            used.add(prefix + "ai_model_id");
        } else {
            model = Json.text(input, "ai_model_id");
            used.add("input.ai_model_id");
        }
        b.model(model);
        String resolution = Json.text(videoInputs, "resolution");
        if (resolution != null && !used.contains("asset.asset.width")) {
            b.resolution(resolution);
            used.add(prefix + "resolution");
        }
        String ratio = Json.text(videoInputs, "aspect_ratio");
        if (ratio != null) {
            b.aspectRatio(ratio);
            used.add(prefix + "aspect_ratio");
        }
        Long durationMs = Json.longValue(videoInputs, "duration_ms");
        if (durationMs != null && durationMs >= 0) {
            b.duration(Duration.ofMillis(durationMs));
            used.add(prefix + "duration_ms");
        }

        BigDecimal credits = Json.decimal(gen, "credit_cost");
        if (credits != null) {
            b.cost(Cost.credits(credits));
            used.add("credit_cost");
        }
        JsonNode error = gen.get("error");
        String errorType = Json.text(error, "type");
        String errorMessage = Json.text(error, "message");
        String flatMessage = Json.text(gen, "error_message");
        if (notBlank(errorType) || notBlank(errorMessage)) {
            b.error(new TaskError(errorType, notBlank(errorMessage) ? errorMessage : flatMessage));
            used.add("error.type");
            used.add("error.message");
            if (flatMessage == null || flatMessage.equals(errorMessage) || !notBlank(errorMessage)) {
                used.add("error_message");
            }
        } else if (notBlank(flatMessage)) {
            b.error(new TaskError("", flatMessage));
            used.add("error_message");
        } else if (error != null && error.isTextual() && notBlank(error.asText())) {
            b.error(new TaskError("", error.asText()));
            used.add("error");
        }
        keepTheRest(gen, used, b);
        return b.build();
    }

    /** The answer of {@code GET /web-app/public/generations/{id}/status}; it has no prompt or settings. */
    public Task mapStatus(JsonNode status, String fallbackId, String rawJson) {
        String id = id(status);
        if (id == null) {
            id = fallbackId;
        }
        Set<String> used = new HashSet<>();
        used.add("id");
        String rawStatus = Json.text(status, "status");
        used.add("status");
        Task.Builder b = Task.builder(id, status(rawStatus)).providerStatus(rawStatus).rawJson(rawJson);
        Integer progress = percent(status);
        if (progress != null) {
            b.progress(progress);
            used.add("progress");
        }
        readCommon(status, b, used);
        String url = Json.text(status, "url");
        if (isUrl(url)) {
            b.addOutput(output(url.strip(), Json.text(status, "type")));
            used.add("url");
        }
        String message = Json.text(status, "error_message");
        if (notBlank(message)) {
            b.error(new TaskError("", message));
            used.add("error_message");
        }
        keepTheRest(status, used, b);
        return b.build();
    }

    /**
     * The full generation brought up to date by its status answer: the status is fresher for status,
     * progress, error and the output URL; every status field the generation lacks is kept as
     * {@code status.<field>}.
     */
    public static Task combine(Task generation, Task status) {
        Task.Builder b = generation.toBuilder()
                .status(status.status())
                .providerStatus(status.providerStatus());
        if (status.progress() != null) {
            b.progress(status.progress());
        }
        if (status.error() != null) {
            b.error(generation.error() != null && generation.error().message().equals(status.error().message())
                    ? generation.error() : status.error());
        }
        if (generation.createdAt() == null) {
            b.createdAt(status.createdAt());
        }
        if (status.etaSeconds() != null) {
            b.etaSeconds(status.etaSeconds());
        }
        for (TaskOutput out : status.outputs()) {
            boolean known = generation.outputs().stream().anyMatch(o -> o.url().equals(out.url()));
            if (generation.outputs().isEmpty()) {
                b.addOutput(out);
            } else if (!known) {
                b.parameter("status.url", out.url());
            }
        }
        status.parameters().forEach((k, v) -> b.parameter("status." + k, v));
        return b.build();
    }

    /** queued/pending → queued; processing/finalizing → running; complete → succeeded; error → failed. */
    TaskStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return TaskStatus.RUNNING;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "queued", "pending": return TaskStatus.QUEUED;
            case "processing", "finalizing", "in_progress", "running": return TaskStatus.RUNNING;
            case "complete", "completed", "succeeded", "success": return TaskStatus.SUCCEEDED;
            case "error", "failed": return TaskStatus.FAILED;
            case "cancelled", "canceled": return TaskStatus.CANCELLED;
            case "expired": return TaskStatus.EXPIRED;
            default:
                if (unknownStatusesLogged.add(s)) {
                    LOG.info(() -> "Hedra reported an unknown generation status '" + raw + "'; shown as running");
                }
                return TaskStatus.RUNNING;
        }
    }

    /** Hedra sends a fraction 0–1; a value above 1 is taken to be a percentage already. */
    static Integer percent(JsonNode node) {
        BigDecimal p = Json.decimal(node, "progress");
        if (p == null) {
            return null;
        }
        BigDecimal pct = p.compareTo(BigDecimal.ONE) <= 0 ? p.movePointRight(2) : p;
        return pct.setScale(0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).intValue();
    }

    private static void readCommon(JsonNode node, Task.Builder b, Set<String> used) {
        Instant created = Json.instant(node, "created_at");
        if (created != null) {
            b.createdAt(created);
            used.add("created_at");
        }
        Integer eta = Json.intValue(node, "eta_sec");
        if (eta != null) {
            b.etaSeconds(eta);
            used.add("eta_sec");
        }
    }

    private static void keepTheRest(JsonNode node, Set<String> used, Task.Builder b) {
        for (Map.Entry<String, String> leaf : JsonLeaves.of(node).entrySet()) {
            if (!used.contains(leaf.getKey())) {
                b.parameter(leaf.getKey(), leaf.getValue());
            }
        }
    }

    private static TaskOutput output(String url, String assetType) {
        String type = assetType == null ? "" : assetType.toLowerCase(Locale.ROOT);
        OutputKind kind = type.contains("image") ? OutputKind.IMAGE
                : type.contains("audio") || type.contains("voice") ? OutputKind.AUDIO : OutputKind.VIDEO;
        String mime = kind == OutputKind.VIDEO ? "video/mp4" : null;
        return new TaskOutput(0, url, kind, signedUrlExpiry(url), null, null, mime, false);
    }

    /** CloudFront-style signed links carry {@code Expires=<unix seconds>}; other links have no known expiry. */
    static Instant signedUrlExpiry(String url) {
        try {
            String query = URI.create(url).getRawQuery();
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("Expires=")) {
                    String v = pair.substring("Expires=".length());
                    if (!v.isEmpty() && v.length() <= 12 && v.chars().allMatch(Character::isDigit)) {
                        return Instant.ofEpochSecond(Long.parseLong(v));
                    }
                }
            }
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
        return null;
    }

    private static boolean isUrl(String s) {
        if (s == null) {
            return false;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (!t.startsWith("http://") && !t.startsWith("https://")) {
            return false;
        }
        try {
            return URI.create(s.strip()).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
