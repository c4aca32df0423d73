package dev.reelwatch.provider.phaseo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract: Phaseo's documented video object (seed 002, placeholders and all) and a realistic one map fully. */
class PhaseoTaskMapperTest {
    /** Top-level fields that map to typed Task fields rather than to same-named parameters. */
    private static final Set<String> TYPED = Set.of("id", "status", "model", "created_at", "started_at",
            "completed_at", "poll_after_seconds", "seconds", "size", "progress", "error", "prompt", "asset",
            "outputs", "billing", "webhook", "usage");

    private final PhaseoTaskMapper mapper = new PhaseoTaskMapper(URI.create("https://gw.example.com/phaseo/"));

    @Test
    void placeholderExampleFromTheDocsMapsWithoutCrashingAndKeepsEveryField() throws IOException {
        JsonNode body = seed("list-videos.json");
        assertEquals("list", body.get("object").asText());
        JsonNode item = body.get("data").get(0);

        Task task = mapper.toTask(item, item.toString());

        assertEquals("<string>", task.providerTaskId());
        assertEquals(TaskStatus.RUNNING, task.status(), "no status at all: not known to be finished");
        assertEquals("", task.providerStatus());
        assertEquals("<string>", task.model());
        assertEquals(Instant.ofEpochSecond(123), task.createdAt());
        assertEquals(Instant.ofEpochSecond(123), task.startedAt());
        assertEquals(Instant.ofEpochSecond(123), task.completedAt());
        assertEquals(Duration.ofSeconds(20), task.pollAfter());
        assertEquals(Duration.ofSeconds(123), task.duration());
        assertEquals("<string>", task.resolution());
        assertNull(task.aspectRatio());
        assertEquals(100, task.progress(), "123 % is clamped");
        assertNull(task.error());
        assertTrue(task.outputs().isEmpty(), "\"<string>\" is no URL");
        assertEquals(CostUnit.CURRENCY, task.cost().unit());
        assertEquals(0, new BigDecimal("0.000000123").compareTo(task.cost().amount()), "total_nanos as money");
        assertEquals("", task.cost().currency(), "\"<string>\" is no currency code");
        Map<String, String> p = task.parameters();
        for (String field : new String[]{"polling_url", "websocket_url", "request_id", "session_id", "cancel_url",
                "generation_id", "native_video_id", "provider", "audio", "content_url", "download_url",
                "progress_source", "next_webhook_retry_at", "last_webhook_progress", "last_webhook_progress_at",
                "last_webhook_dispatched_at", "object"}) {
            assertTrue(p.containsKey(field), field + " missing from " + p.keySet());
        }
        assertEquals("1970-01-01T00:02:03Z", p.get("expires_at"));
        for (String field : new String[]{"asset.id", "asset.mime_type", "asset.bytes", "asset.sha256", "asset.width",
                "asset.height", "asset.duration_seconds", "outputs[0].index", "outputs[0].bytes_available",
                "outputs[0].download_url", "outputs[0].expires_at", "billing.currency", "billing.settled_user_cost",
                "billing.reservation_status", "billing.billed_at", "billing.charged", "usage.cost", "usage.is_byok",
                "webhook.url", "webhook.events", "webhook.has_secret", "webhook.delivery", "webhook.attempts",
                "webhook.delivery.last_error_message", "webhook.delivery.delivered_event_types"}) {
            assertTrue(p.containsKey(field), field + " missing from " + p.keySet());
        }
        assertEquals("<string>", p.get("webhook.events"));
        assertEquals("123 attempts, 123 delivered, 123 pending retries, last answer HTTP 123", p.get("webhook.delivery"));
        assertTrue(p.get("webhook.attempts").startsWith("1 attempt(s); last: video.completed #123 → 123"),
                p.get("webhook.attempts"));
        assertEveryFieldKept(item, task);
    }

    @Test
    void completedVideoWithTwoOutputsMapsOutputsCostAndTimes() throws IOException {
        JsonNode item = seed("video-completed-two-outputs.json");

        Task task = mapper.toTask(item, item.toString());

        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals("completed", task.providerStatus());
        assertEquals("Ein Fuchs läuft durch verschneiten Wald, Morgenlicht 🦊", task.prompt());
        assertEquals(Instant.ofEpochSecond(1779270090), task.completedAt());
        assertEquals(Instant.ofEpochSecond(1779270090), task.updatedAt());
        assertNull(task.pollAfter());
        assertEquals(Duration.ofSeconds(8), task.duration());
        assertEquals("1280x720", task.resolution());
        assertEquals("16:9", task.aspectRatio());
        assertEquals(2, task.outputs().size());
        TaskOutput signed = task.outputs().get(0);
        assertEquals("https://files.phaseo.app/v/video_01JX8Q2M4N/0.mp4?sig=abc", signed.url());
        assertFalse(signed.requiresAuth());
        assertEquals(Instant.ofEpochSecond(1779273690), signed.expiresAt());
        assertEquals(4620L, signed.bytes());
        assertEquals("0f343b0931126a20f133d67c2b018a3b0f343b0931126a20f133d67c2b018a3b", signed.sha256());
        assertEquals(OutputKind.VIDEO, signed.kind());
        TaskOutput keyed = task.outputs().get(1);
        assertEquals("https://gw.example.com/phaseo/v1/videos/video_01JX8Q2M4N/content?index=1", keyed.url(),
                "relative content URLs keep the base URL's path prefix");
        assertTrue(keyed.requiresAuth());
        assertEquals(OutputKind.IMAGE, keyed.kind());
        assertEquals(Instant.ofEpochSecond(1779273690), keyed.expiresAt(), "falls back to the video's expires_at");
        assertNull(keyed.sha256(), "the asset describes the first output only");
        assertEquals(Cost.money(new BigDecimal("0.3875"), "USD"), task.cost(), "settled user cost wins");
        Map<String, String> p = task.parameters();
        assertEquals("/v1/videos/video_01JX8Q2M4N/content?index=0", p.get("outputs[0].content_url"),
                "the keyed alternative of a signed output is kept");
        assertEquals("google-vertex", p.get("provider"));
        assertEquals("both", p.get("output_access"));
        assertEquals("{\"flagged\":false}", p.get("moderation"));
        assertEquals("2 attempt(s); last: video.completed #2 → 200", p.get("webhook.attempts"));
        assertEquals("video.completed, video.failed", p.get("webhook.events"));
        assertEveryFieldKept(item, task);
    }

    @Test
    void costFallsBackFromSettledToEstimatedToUsage() throws IOException {
        Task estimated = map("{\"id\":\"v\",\"status\":\"in_progress\",\"billing\":{\"currency\":\"EUR\","
                + "\"estimated_user_cost\":\"0.25\",\"settled_user_cost\":null}}");
        Task usage = map("{\"id\":\"v\",\"status\":\"completed\",\"usage\":{\"cost\":0.5}}");
        Task none = map("{\"id\":\"v\",\"status\":\"completed\",\"billing\":null,\"usage\":null}");

        assertEquals(Cost.money(new BigDecimal("0.25"), "EUR"), estimated.cost());
        assertEquals(0, new BigDecimal("0.5").compareTo(usage.cost().amount()));
        assertNull(none.cost());
    }

    @ParameterizedTest
    @CsvSource({"pending,QUEUED", "queued,QUEUED", "in_progress,RUNNING", "processing,RUNNING",
            "completed,SUCCEEDED", "failed,FAILED", "cancelled,CANCELLED", "expired,EXPIRED",
            "upscaling,RUNNING"})
    void mapsTheStatusesOfBothDocVersionsAndKeepsTheRawOne(String raw, TaskStatus expected) throws IOException {
        Task task = map("{\"id\":\"v\",\"status\":\"" + raw + "\"}");

        assertEquals(expected, task.status());
        assertEquals(raw, task.providerStatus());
    }

    @Test
    void errorMayBeAnObjectOrAString() throws IOException {
        Task object = map("{\"id\":\"v\",\"status\":\"failed\",\"error\":{\"code\":\"content_policy\","
                + "\"message\":\"Prompt was blocked\"}}");
        Task text = map("{\"id\":\"v\",\"status\":\"failed\",\"error\":\"Upstream provider timed out\"}");
        Task unknownWithError = map("{\"id\":\"v\",\"status\":\"halted\",\"error\":\"boom\"}");

        assertEquals("content_policy", object.error().code());
        assertEquals("Prompt was blocked", object.error().message());
        assertEquals("", text.error().code());
        assertEquals("Upstream provider timed out", text.error().message());
        assertEquals(TaskStatus.FAILED, unknownWithError.status());
    }

    @Test
    void wrongTypesAndNullsEverywhereDoNotCrash() throws IOException {
        Task task = map("""
                {"id":"v","status":null,"created_at":"2026-05-20T09:40:00Z","seconds":"eight","size":720,
                 "progress":"55","poll_after_seconds":"15","outputs":"none","asset":[],"billing":"free",
                 "webhook":{"events":"video.completed","delivery":null,"attempts":{}},"usage":5,"error":null,
                 "download_url":"ftp://example.com/v.mp4","content_url":null,"expires_at":"soon"}""");

        assertEquals(TaskStatus.RUNNING, task.status());
        assertEquals(Instant.parse("2026-05-20T09:40:00Z"), task.createdAt());
        assertNull(task.duration());
        assertEquals("eight", task.parameters().get("seconds"));
        assertEquals("720", task.resolution());
        assertEquals(55, task.progress());
        assertEquals(Duration.ofSeconds(15), task.pollAfter());
        assertTrue(task.outputs().isEmpty(), "only http(s) links become outputs");
        assertEquals("none", task.parameters().get("outputs"));
        assertNull(task.cost());
    }

    @Test
    void topLevelContentUrlAloneBecomesAKeyedOutput() throws IOException {
        Task task = map("{\"id\":\"v\",\"status\":\"completed\",\"content_url\":\"/v1/videos/v/content\","
                + "\"expires_at\":1779273690,\"asset\":{\"bytes\":\"10\",\"sha256\":\"not-a-digest\"}}");

        TaskOutput out = task.outputs().get(0);
        assertEquals("https://gw.example.com/phaseo/v1/videos/v/content", out.url());
        assertTrue(out.requiresAuth());
        assertEquals(10L, out.bytes());
        assertNull(out.sha256());
        assertEquals(Instant.ofEpochSecond(1779273690), out.expiresAt());
    }

    private Task map(String json) throws IOException {
        JsonNode item = Json.mapper().readTree(json);
        return mapper.toTask(item, item.toString());
    }

    private static void assertEveryFieldKept(JsonNode item, Task task) throws IOException {
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (item.get(field).isNull()) {
                continue;
            }
            boolean kept = TYPED.contains(field) || task.parameters().containsKey(field);
            assertTrue(kept, field + " should land in the task or its parameters");
        }
        for (String nested : new String[]{"asset", "billing", "usage"}) {
            JsonNode node = item.get(nested);
            if (node != null && node.isObject()) {
                node.fieldNames().forEachRemaining(f -> {
                    if (!node.get(f).isNull()) {
                        assertTrue(task.parameters().containsKey(nested + "." + f), nested + "." + f);
                    }
                });
            }
        }
        assertEquals(item, Json.mapper().readTree(task.rawJson()));
    }

    static JsonNode seed(String name) throws IOException {
        try (InputStream in = PhaseoTaskMapperTest.class.getResourceAsStream("/seeds/phaseo/" + name)) {
            assertNotNull(in, name);
            return Json.mapper().readTree(in);
        }
    }
}
