package dev.reelwatch.provider.meshapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.ExpirySource;
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

/** Contract: MeshAPI's own examples (seeds 000 and 001) map field by field, and odd items never crash. */
class MeshApiTaskMapperTest {
    /** Top-level fields that map to typed Task fields rather than to parameters. */
    private static final Set<String> TYPED = Set.of("id", "status", "model", "error", "created_at", "updated_at",
            "content", "seed", "resolution", "ratio", "duration", "framespersecond", "usage");

    private final MeshApiTaskMapper mapper = new MeshApiTaskMapper();

    @Test
    void listExampleFromTheDocsMapsEveryField() throws IOException {
        JsonNode body = seed("list-video-generations.json");
        assertEquals(1, body.get("data").size());
        JsonNode item = body.get("data").get(0);

        Task task = mapper.toTask(item, item.toString());

        assertEquals("a3f1c9d2-7b4e-4f8a-9c3d-2e5b7f9a1d4c", task.providerTaskId());
        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals("succeeded", task.providerStatus());
        assertEquals("byteplus-video-gen-v1", task.model());
        assertNull(task.error());
        assertNull(task.prompt(), "MeshAPI's schema has no prompt");
        assertEquals(Instant.ofEpochSecond(1685606400), task.createdAt());
        assertEquals(Instant.ofEpochSecond(1685610000), task.updatedAt());
        assertEquals(Instant.ofEpochSecond(1685610000), task.completedAt());
        assertEquals(1, task.outputs().size());
        TaskOutput video = task.outputs().get(0);
        assertEquals("https://cdn.byteplus.com/videos/generated/abc123.mp4", video.url());
        assertEquals(OutputKind.VIDEO, video.kind());
        assertFalse(video.requiresAuth());
        assertEquals(Instant.ofEpochSecond(1685610000).plus(Duration.ofHours(24)), video.expiresAt(),
                "BytePlus links live 24 h after the last update");
        assertTrue(task.parameters().get("link_expiry").startsWith("inferred"));
        assertEquals("https://cdn.byteplus.com/videos/generated/abc123_last_frame.png", task.thumbnailUrl());
        assertEquals(123456789L, task.seed());
        assertEquals("1920x1080", task.resolution());
        assertEquals("16:9", task.aspectRatio());
        assertEquals(Duration.ofSeconds(30), task.duration());
        assertEquals(30.0, task.fps());
        assertEquals(CostUnit.TOKENS, task.cost().unit());
        assertEquals(0, BigDecimal.valueOf(3000).compareTo(task.cost().amount()));
        Map<String, String> p = task.parameters();
        assertEquals("900", p.get("frames"));
        assertEquals("true", p.get("generate_audio"));
        assertEquals("safe_content_001", p.get("safety_identifier"));
        assertEquals("5", p.get("priority"));
        assertEquals("false", p.get("draft"));
        assertFalse(p.containsKey("draft_task_id"), "null values are not shown");
        assertEquals("premium", p.get("service_tier"));
        assertEquals("3600", p.get("execution_expires_after"));
        assertEquals("1500", p.get("completion_tokens"));
        assertEquals("3000", p.get("total_tokens"));
        assertEquals(item, Json.mapper().readTree(task.rawJson()));
        assertEveryFieldKept(item, task);
    }

    @Test
    void getExampleFromTheDocsMapsEveryField() throws IOException {
        JsonNode item = seed("get-video-generation.json");

        Task task = mapper.toTask(item, item.toString());

        assertEquals("a1b2c3d4-e5f6-7890-ab12-cd34ef567890", task.providerTaskId());
        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals("byteplus-video-gen-v2", task.model());
        assertEquals("https://cdn.byteplus.com/videos/generated/abc123def456.mp4", task.primaryVideo().orElseThrow().url());
        assertEquals("https://cdn.byteplus.com/videos/generated/abc123def456_last_frame.jpg", task.thumbnailUrl());
        assertEquals(987654321L, task.seed());
        assertEquals(Instant.ofEpochSecond(1685600000), task.createdAt());
        assertEquals(Instant.ofEpochSecond(1685603600 + 24 * 3600), task.outputs().get(0).expiresAt());
        assertEquals("3000 tokens", task.cost().display());
        assertEveryFieldKept(item, task);
    }

    @Test
    void nullsEverywhereDoNotCrash() throws IOException {
        JsonNode item = Json.mapper().readTree("""
                {"id":"t1","status":"queued","model":null,"error":null,"created_at":null,"updated_at":null,
                 "content":null,"seed":null,"resolution":null,"ratio":null,"duration":null,"frames":null,
                 "framespersecond":null,"generate_audio":null,"safety_identifier":null,"priority":null,"draft":null,
                 "draft_task_id":null,"service_tier":null,"execution_expires_after":null,"usage":null}""");

        Task task = mapper.toTask(item, item.toString());

        assertEquals(TaskStatus.QUEUED, task.status());
        assertTrue(task.outputs().isEmpty());
        assertNull(task.cost());
        assertNull(task.createdAt());
        assertTrue(task.parameters().isEmpty());
    }

    @Test
    void wrongTypesAreReadLenientlyOrKeptAsSent() throws IOException {
        JsonNode item = Json.mapper().readTree("""
                {"id":42,"status":"SUCCEEDED","created_at":"1685600000","updated_at":"not a time",
                 "content":{"video_url":"https://cdn.example/v.mp4","last_frame_url":7},
                 "seed":"99","duration":"ten","framespersecond":"24","frames":"many","draft":"yes",
                 "usage":{"completion_tokens":"10","total_tokens":null},"error":{"unexpected":true}}""");

        Task task = mapper.toTask(item, item.toString());

        assertEquals("42", task.providerTaskId());
        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals(Instant.ofEpochSecond(1685600000), task.createdAt());
        assertNull(task.updatedAt());
        assertEquals(Instant.ofEpochSecond(1685600000).plus(Duration.ofHours(24)), task.outputs().get(0).expiresAt(),
                "without updated_at the expiry counts from created_at");
        assertEquals("7", task.thumbnailUrl());
        assertEquals(99L, task.seed());
        assertNull(task.duration());
        assertEquals(24.0, task.fps());
        assertEquals("many", task.parameters().get("frames"));
        assertEquals("yes", task.parameters().get("draft"));
        assertEquals("10 tokens", task.cost().display(), "completion tokens when the total is missing");
        assertNotNull(task.error());
        assertTrue(task.error().message().contains("unexpected"));
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "running,RUNNING", "succeeded,SUCCEEDED", "failed,FAILED", "cancelled,CANCELLED",
            "expired,EXPIRED", "canceled,CANCELLED", "reticulating,RUNNING"})
    void mapsEachStatusAndKeepsTheRawOne(String raw, TaskStatus expected) throws IOException {
        JsonNode item = Json.mapper().readTree("{\"id\":\"t\",\"status\":\"" + raw + "\"}");

        Task task = mapper.toTask(item, item.toString());

        assertEquals(expected, task.status());
        assertEquals(raw, task.providerStatus());
    }

    @Test
    void unknownStatusWithAnErrorIsTakenAsFinishedBadly() throws IOException {
        JsonNode item = Json.mapper().readTree(
                "{\"id\":\"t\",\"status\":\"blocked\",\"error\":{\"code\":\"X\",\"message\":\"nope\"}}");

        assertEquals(TaskStatus.FAILED, mapper.toTask(item, item.toString()).status());
    }

    @Test
    void promptIsKeptWhenAnItemBringsOneAnywayAndUnknownFieldsBecomeParameters() throws IOException {
        JsonNode item = Json.mapper().readTree("""
                {"id":"t","status":"running","prompt":"東京の夜、雨に濡れた路地を歩く猫 🐈",
                 "tags":["a","b"],"region":"ap-southeast-1","content":{"video_url":null,"thumb_small":"x.png"}}""");

        Task task = mapper.toTask(item, item.toString());

        assertEquals("東京の夜、雨に濡れた路地を歩く猫 🐈", task.prompt());
        assertEquals("[\"a\",\"b\"]", task.parameters().get("tags"));
        assertEquals("ap-southeast-1", task.parameters().get("region"));
        assertEquals("x.png", task.parameters().get("content.thumb_small"));
    }

    @Test
    void promptFromBytePlusContentPartsIsKept() throws IOException {
        JsonNode item = Json.mapper().readTree("""
                {"id":"t","status":"queued","content":[{"type":"image_url","image_url":{"url":"u"}},
                 {"type":"text","text":"Ein Fuchs läuft durch verschneiten Wald"}]}""");

        Task task = mapper.toTask(item, item.toString());

        assertEquals("Ein Fuchs läuft durch verschneiten Wald", task.prompt());
        assertTrue(task.outputs().isEmpty());
    }

    @Test
    void anItemWithoutAnIdHasNone() throws IOException {
        assertTrue(mapper.idOf(Json.mapper().readTree("{\"status\":\"queued\"}")).isEmpty());
        assertTrue(mapper.idOf(Json.mapper().readTree("{\"id\":\"  \"}")).isEmpty());
        assertTrue(mapper.idOf(Json.mapper().readTree("{\"id\":null}")).isEmpty());
    }

    /** Every non-null field of the item is in a typed field or in the parameters; the raw JSON has all of it. */
    private static void assertEveryFieldKept(JsonNode item, Task task) throws IOException {
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (item.get(field).isNull()) {
                continue;
            }
            assertTrue(TYPED.contains(field) || task.parameters().containsKey(field),
                    field + " should land in the task or its parameters");
        }
        assertEquals(item, Json.mapper().readTree(task.rawJson()));
    }

    static JsonNode seed(String name) throws IOException {
        try (InputStream in = MeshApiTaskMapperTest.class.getResourceAsStream("/seeds/meshapi/" + name)) {
            assertNotNull(in, name);
            return Json.mapper().readTree(in);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // The API reference's object.
            "{\"video_url\":\"https://cdn.example/v.mp4\",\"last_frame_url\":\"https://cdn.example/f.jpg\"}",
            // MeshAPI's Node SDK: a list of typed items, the URL under the type's name as {url}.
            "[{\"type\":\"video_url\",\"video_url\":{\"url\":\"https://cdn.example/v.mp4\"}},"
                    + "{\"type\":\"last_frame_url\",\"last_frame_url\":{\"url\":\"https://cdn.example/f.jpg\"}}]",
            // The same list with plain strings, and with the URL beside the type.
            "[{\"type\":\"video_url\",\"video_url\":\"https://cdn.example/v.mp4\"},"
                    + "{\"type\":\"image_url\",\"image_url\":\"https://cdn.example/f.jpg\"}]",
            "[{\"type\":\"text\",\"text\":\"a prompt\"},{\"type\":\"video_url\",\"url\":\"https://cdn.example/v.mp4\"},"
                    + "{\"type\":\"last_frame_url\",\"url\":\"https://cdn.example/f.jpg\"}]"})
    void contentInEitherShapeGivesTheVideoAndItsLastFrameWithAnInferredExpiry(String content) throws IOException {
        JsonNode item = Json.mapper().readTree("{\"id\":\"cgt-1\",\"status\":\"succeeded\",\"created_at\":1685600000,"
                + "\"updated_at\":1685603600,\"content\":" + content + "}");

        Task task = mapper.toTask(item, item.toString());

        assertEquals(TaskStatus.SUCCEEDED, task.status());
        TaskOutput video = task.outputs().get(0);
        assertEquals("https://cdn.example/v.mp4", video.url());
        assertEquals("https://cdn.example/f.jpg", task.thumbnailUrl());
        assertEquals(ExpirySource.INFERRED, video.expirySource(), "MeshAPI states no expiry: it is inferred");
        assertEquals(Instant.ofEpochSecond(1685603600).plus(Duration.ofHours(24)), video.expiresAt());
        assertFalse(video.isExpiredAt(Instant.ofEpochSecond(1685603600).plus(Duration.ofDays(30))),
                "an inferred time never counts as the link being expired");
        assertTrue(video.expiryPassedAt(Instant.ofEpochSecond(1685603600).plus(Duration.ofDays(30))));
        assertFalse(task.parameters().containsKey("content"), "a readable list is not kept as an unknown value");
    }

    @Test
    void aSucceededTaskWithContentNullOrWithoutAUrlStaysSucceededWithoutOutputs() throws IOException {
        for (String content : Set.of("null", "{\"video_url\":null,\"last_frame_url\":null}", "[]")) {
            JsonNode item = Json.mapper().readTree("{\"id\":\"cgt-1\",\"status\":\"succeeded\","
                    + "\"updated_at\":1685603600,\"content\":" + content + "}");

            Task task = mapper.toTask(item, item.toString());

            assertEquals(TaskStatus.SUCCEEDED, task.status(), content);
            assertEquals(0, task.outputs().size(), content);
            assertNull(task.thumbnailUrl(), content);
        }
    }
}
