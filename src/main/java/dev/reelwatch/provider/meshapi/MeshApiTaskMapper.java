package dev.reelwatch.provider.meshapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.UnmappedFields;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one MeshAPI {@code VideoTaskResponse} (seed 001) to the unified {@link Task}. Tolerates nulls and wrong
 * types everywhere; fields it does not know land in the parameters, and the item's JSON is kept as rawJson.
 */
public final class MeshApiTaskMapper {
    /** BytePlus ModelArk keeps generated videos for 24 hours (its docs, not MeshAPI's seed): an inference. */
    static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private static final Set<String> KNOWN = Set.of("id", "model", "status", "error", "created_at", "updated_at",
            "content", "seed", "resolution", "ratio", "duration", "frames", "framespersecond", "generate_audio",
            "safety_identifier", "priority", "draft", "draft_task_id", "service_tier", "execution_expires_after",
            "usage", "prompt", "object");
    private static final Set<String> KNOWN_CONTENT = Set.of("video_url", "last_frame_url", "text", "prompt");

    /** The item's id, or empty when it has none (such items are reported, not mapped). */
    public Optional<String> idOf(JsonNode item) {
        return Json.id(item, "id");
    }

    /**
     * @param item one task object as MeshAPI sent it; must carry an id (see {@link #idOf})
     * @param rawJson the item's JSON text, stored so nothing is lost
     */
    public Task toTask(JsonNode item, String rawJson) {
        String id = idOf(item).orElseThrow(() -> new IllegalArgumentException("MeshAPI task without an id"));
        String rawStatus = Json.text(item, "status");
        JsonNode content = Json.object(item, "content");
        MeshApiContent urls = MeshApiContent.of(item.get("content"));
        String videoUrl = urls.videoUrl();
        TaskError error = error(item.get("error"));
        TaskStatus status = status(rawStatus, error != null, videoUrl != null);
        Instant createdAt = Json.instant(item, "created_at");
        Instant updatedAt = Json.instant(item, "updated_at");

        Task.Builder b = Task.builder(id, status)
                .providerStatus(rawStatus == null ? "" : rawStatus)
                .model(Json.nonBlankText(item, "model"))
                .prompt(prompt(item, content))
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .resolution(Json.nonBlankText(item, "resolution"))
                .aspectRatio(Json.nonBlankText(item, "ratio"))
                .seed(Json.longValue(item, "seed"))
                .error(error)
                .thumbnailUrl(urls.lastFrameUrl())
                .rawJson(rawJson);
        if (status == TaskStatus.SUCCEEDED) {
            b.progress(100);
        }
        if (status.isTerminal()) {
            // MeshAPI writes the row when it learns the outcome, so updated_at is when the task finished.
            b.completedAt(updatedAt);
        }
        Long seconds = Json.longValue(item, "duration");
        if (seconds != null && seconds >= 0) {
            b.duration(Duration.ofSeconds(seconds));
        }
        Double fps = Json.doubleValue(item, "framespersecond");
        if (fps != null && fps > 0) {
            b.fps(fps);
        }
        if (videoUrl != null) {
            Instant linkFrom = updatedAt != null ? updatedAt : createdAt;
            Instant expires = linkFrom == null ? null : linkFrom.plus(LINK_LIFETIME);
            b.addOutput(new TaskOutput(0, videoUrl, OutputKind.VIDEO, expires, null, null, "video/mp4", false,
                    ExpirySource.INFERRED, null));
            if (expires != null) {
                b.parameter("link_expiry", "inferred: BytePlus links live 24 h after " + (updatedAt != null
                        ? "updated_at" : "created_at"));
            }
        }
        parameters(item, b, urls);
        JsonNode usage = Json.object(item, "usage");
        Long total = Json.longValue(usage, "total_tokens");
        Long completion = Json.longValue(usage, "completion_tokens");
        if (total != null) {
            b.cost(Cost.tokens(total));
        } else if (completion != null) {
            b.cost(Cost.tokens(completion));
        }
        b.parameter("completion_tokens", completion).parameter("total_tokens", total);
        UnmappedFields.keep(item, KNOWN, "", b);
        UnmappedFields.keep(content, KNOWN_CONTENT, "content.", b);
        UnmappedFields.keep(usage, Set.of("completion_tokens", "total_tokens"), "usage.", b);
        return b.build();
    }

    private static void parameters(JsonNode item, Task.Builder b, MeshApiContent urls) {
        b.parameter("frames", number(item, "frames"))
                .parameter("generate_audio", flag(item, "generate_audio"))
                .parameter("safety_identifier", UnmappedFields.shorten(Json.text(item, "safety_identifier")))
                .parameter("priority", number(item, "priority"))
                .parameter("draft", flag(item, "draft"))
                .parameter("draft_task_id", UnmappedFields.shorten(Json.text(item, "draft_task_id")))
                .parameter("service_tier", UnmappedFields.shorten(Json.text(item, "service_tier")))
                .parameter("execution_expires_after", number(item, "execution_expires_after"));
        JsonNode content = item.get("content");
        if (content != null && !content.isNull() && !content.isObject() && urls.videoUrl() == null) {
            b.parameter("content", UnmappedFields.shorten(content.toString()));
        }
    }

    /** A number as a number; a value of another type is kept as sent rather than dropped. */
    private static Object number(JsonNode item, String field) {
        Long v = Json.longValue(item, field);
        return v != null ? v : UnmappedFields.shorten(Json.text(item, field));
    }

    private static Object flag(JsonNode item, String field) {
        Boolean v = Json.bool(item, field);
        return v != null ? v : UnmappedFields.shorten(Json.text(item, field));
    }

    /** Maps MeshAPI's status names (the unified ones) and, for anything else, the closest unified status. */
    static TaskStatus status(String raw, boolean hasError, boolean hasVideo) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "queued", "pending", "submitted", "created" -> TaskStatus.QUEUED;
            case "running", "processing", "in_progress" -> TaskStatus.RUNNING;
            case "succeeded", "success", "completed", "complete", "done" -> TaskStatus.SUCCEEDED;
            case "failed", "failure", "error" -> TaskStatus.FAILED;
            case "cancelled", "canceled" -> TaskStatus.CANCELLED;
            case "expired", "timeout", "timed_out" -> TaskStatus.EXPIRED;
            default -> hasVideo ? TaskStatus.SUCCEEDED : hasError ? TaskStatus.FAILED : TaskStatus.RUNNING;
        };
    }

    private static TaskError error(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        if (error.isObject()) {
            String code = Json.text(error, "code");
            String message = Json.text(error, "message");
            if (code == null && message == null) {
                return error.isEmpty() ? null : new TaskError("", UnmappedFields.shorten(error.toString()));
            }
            return new TaskError(code, message);
        }
        String text = error.asText();
        return text.isBlank() ? null : new TaskError("", text);
    }

    /** MeshAPI's schema has no prompt; keep one when the item brings it anyway (or BytePlus's content text). */
    private static String prompt(JsonNode item, JsonNode content) {
        String p = Json.nonBlankText(item, "prompt");
        if (p == null) {
            p = Json.nonBlankText(content, "text");
        }
        if (p == null) {
            p = Json.nonBlankText(content, "prompt");
        }
        JsonNode array = item.get("content");
        if (p == null && array != null && array.isArray()) {
            // BytePlus's own request shape: content = [{type: "text", text: "..."}, ...]
            for (JsonNode part : array) {
                if ("text".equals(Json.text(part, "type"))) {
                    p = Json.nonBlankText(part, "text");
                    break;
                }
            }
        }
        return p;
    }
}
