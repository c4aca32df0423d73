package dev.reelwatch.provider.hedra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.SeedExampleServer;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.SimRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example of Hedra's list page (seed 004), parsed exactly as printed, placeholders and all. */
class HedraSeedContractTest {
    private static final String SEED_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    private static final String KEY = "hedra-sk-0d44-secret";
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final HedraTaskMapper mapper = new HedraTaskMapper();
    private SeedExampleServer server;
    private HedraClient client;

    @BeforeEach
    void start() {
        server = new SeedExampleServer(clock).start();
        Account account = new Account(4, ProviderKind.HEDRA, "avatars", server.baseUrl(), CredentialRef.none(), true,
                false);
        client = new HedraClient(account, KEY, new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
                "Reelwatch/test", Duration.ofSeconds(5), 1 << 20, clock));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String seed() {
        return SeedExampleServer.resource("/seeds/hedra/list-generations-response.json");
    }

    @Test
    void listExampleMapsEveryFieldToATaskFieldOrAParameter() throws Exception {
        server.answer("/web-app/public/generations", seed());
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client.listTasks(ListQuery.all(), pages::add);

        SimRequest request = server.requests().get(0);
        assertEquals("video", request.param("type").orElseThrow());
        assertEquals("50", request.param("limit").orElseThrow());
        assertEquals("0", request.param("offset").orElseThrow());
        assertEquals(KEY, request.header("X-API-Key").orElseThrow());
        assertEquals(1, outcome.pages(), "one item is shorter than the limit: the last page");
        assertTrue(outcome.complete());
        Task t = pages.get(0).tasks().get(0);
        assertEquals(SEED_ID, t.providerTaskId());
        assertEquals(4, t.accountId());
        assertEquals(TaskStatus.SUCCEEDED, t.status());
        assertEquals("complete", t.providerStatus());
        assertEquals(100, t.progress(), "123 is above 1, so already a percentage, capped at 100");
        assertEquals("<string>", t.prompt());
        assertEquals(SEED_ID, t.model());
        assertEquals("123x123", t.resolution());
        assertEquals("<string>", t.aspectRatio());
        assertEquals(Duration.ofMillis(123), t.duration());
        assertEquals(123, t.etaSeconds());
        assertEquals(Cost.credits(new BigDecimal("123")), t.cost());
        assertEquals(new TaskError("UNKNOWN", "<string>"), t.error());
        assertNull(t.createdAt(), "\"<string>\" is no time");
        assertNull(t.thumbnailUrl(), "\"<string>\" is no URL");
        assertTrue(t.outputs().isEmpty());

        JsonNode item = Json.mapper().readTree(seed()).get("data").get(0);
        assertEquals(item, Json.mapper().readTree(t.rawJson()));
        assertEquals("d1dd37a3-e39a-4854-a298-6510289f9cf2", t.parameters().get("input.ai_model_id"));
        assertEquals("<string>", t.parameters().get("created_at"));
        assertEquals("<string>", t.parameters().get("asset.asset.url"));
        assertEquals("<string>", t.parameters().get("input.generated_video_inputs.resolution"));
        assertEquals("0.5", t.parameters().get("input.generated_video_inputs.bounding_box_target.[0]"));
        assertEquals("text_to_speech", t.parameters().get("input.audio_generation.type"));
        Set<String> mappedToFields = Set.of("id", "status", "progress", "eta_sec", "credit_cost", "asset.asset.width",
                "asset.asset.height", "input.generated_video_inputs.text_prompt",
                "input.generated_video_inputs.ai_model_id", "input.generated_video_inputs.aspect_ratio",
                "input.generated_video_inputs.duration_ms", "error.type", "error.message", "error_message");
        for (String path : JsonLeaves.of(item).keySet()) {
            assertTrue(mappedToFields.contains(path) || t.parameters().containsKey(path), path + " was dropped");
        }
    }

    @Test
    void realValuesInTheExampleShapeBecomeOutputThumbnailTimeAndLinkExpiry() throws Exception {
        String real = seed()
                .replaceFirst("\"created_at\": \"<string>\"", "\"created_at\": \"2025-03-01T09:58:12.345678+00:00\"")
                .replace("\"url\": \"<string>\"", "\"url\": \"https://cdn.hedra.com/a/v.mp4?Expires=1740900000&Sig=x\"")
                .replace("\"thumbnail_url\": \"<string>\"", "\"thumbnail_url\": \"https://cdn.hedra.com/a/t.jpg\"")
                .replace("\"uploaded_image\"", "\"video\"");
        JsonNode item = Json.mapper().readTree(real).get("data").get(0);

        Task t = mapper.mapGeneration(item, item.toString());

        assertEquals(Instant.parse("2025-03-01T09:58:12.345678Z"), t.createdAt());
        assertEquals("https://cdn.hedra.com/a/t.jpg", t.thumbnailUrl());
        TaskOutput video = t.primaryVideo().orElseThrow();
        assertEquals(OutputKind.VIDEO, video.kind());
        assertEquals("https://cdn.hedra.com/a/v.mp4?Expires=1740900000&Sig=x", video.url());
        assertEquals(Instant.ofEpochSecond(1740900000), video.expiresAt());
        assertEquals(dev.reelwatch.core.ExpirySource.PROVIDER, video.expirySource(),
                "a signed URL's Expires= is the provider's own statement, not an inference");
        assertEquals("<string>", t.parameters().get("asset.created_at"));
    }

    @Test
    void anUploadedImageAssetIsAnImageOutput() throws Exception {
        JsonNode item = Json.mapper().readTree(seed().replace("\"url\": \"<string>\"",
                "\"url\": \"https://cdn.hedra.com/i.png\"")).get("data").get(0);

        assertEquals(OutputKind.IMAGE, mapper.mapGeneration(item, "{}").outputs().get(0).kind());
    }

    @Test
    void progressIsAFractionUnlessItIsAboveOne() throws Exception {
        for (String[] c : new String[][] {{"0.42", "42"}, {"1", "100"}, {"0", "0"}, {"55", "55"}, {"\"0.5\"", "50"},
                {"123", "100"}, {"-3", "0"}, {"\"abc\"", null}, {"null", null}}) {
            Integer got = HedraTaskMapper.percent(Json.mapper().readTree("{\"progress\":" + c[0] + "}"));
            assertEquals(c[1] == null ? null : Integer.valueOf(c[1]), got, c[0]);
        }
    }

    @Test
    void everyDocumentedStatusMapsAndUnknownOnesCountAsRunning() {
        assertEquals(TaskStatus.QUEUED, mapper.status("queued"));
        assertEquals(TaskStatus.QUEUED, mapper.status("pending"));
        assertEquals(TaskStatus.RUNNING, mapper.status("processing"));
        assertEquals(TaskStatus.RUNNING, mapper.status("finalizing"));
        assertEquals(TaskStatus.SUCCEEDED, mapper.status("complete"));
        assertEquals(TaskStatus.FAILED, mapper.status("error"));
        assertEquals(TaskStatus.RUNNING, mapper.status("upscaling"));
        assertEquals(TaskStatus.RUNNING, mapper.status(null));
    }

    @Test
    void statusAnswerFieldsFromTheDocsAllLandAndCombineWithTheGeneration() throws Exception {
        String status = """
                {"id":"%s","asset_id":"a-1","type":"video","status":"processing","progress":0.37,
                 "created_at":"2025-03-01T09:58:12Z","error_message":null,"url":null,"download_url":null,
                 "streaming_url":null,"workspace_id":"ws-9"}""".formatted(SEED_ID);
        Task fromStatus = mapper.mapStatus(Json.mapper().readTree(status), SEED_ID, status);
        JsonNode item = Json.mapper().readTree(seed()).get("data").get(0);

        Task combined = HedraTaskMapper.combine(mapper.mapGeneration(item, item.toString()), fromStatus);

        assertEquals(TaskStatus.RUNNING, fromStatus.status());
        assertEquals(37, fromStatus.progress());
        assertEquals(Instant.parse("2025-03-01T09:58:12Z"), fromStatus.createdAt());
        assertEquals("a-1", fromStatus.parameters().get("asset_id"));
        assertEquals("video", fromStatus.parameters().get("type"));
        assertEquals("ws-9", fromStatus.parameters().get("workspace_id"));
        assertEquals(status, fromStatus.rawJson());
        assertEquals(TaskStatus.RUNNING, combined.status());
        assertEquals("processing", combined.providerStatus());
        assertEquals(37, combined.progress());
        assertEquals("<string>", combined.prompt(), "the generation's prompt survives");
        assertEquals(Instant.parse("2025-03-01T09:58:12Z"), combined.createdAt());
        assertEquals("ws-9", combined.parameters().get("status.workspace_id"));
        assertEquals(item, Json.mapper().readTree(combined.rawJson()));
    }

    @Test
    void wrongTypesEverywhereNeverCrashTheMapper() throws Exception {
        String raw = "{\"id\":\"x\",\"status\":5,\"progress\":[1],\"input\":\"oops\",\"asset\":\"none\","
                + "\"error\":\"boom\",\"credit_cost\":{\"a\":1},\"eta_sec\":\"soon\",\"created_at\":12}";

        Task t = mapper.mapGeneration(Json.mapper().readTree(raw), raw);

        assertEquals(TaskStatus.RUNNING, t.status());
        assertEquals("5", t.providerStatus());
        assertNull(t.progress());
        assertNull(t.cost());
        assertNull(t.etaSeconds());
        assertEquals(new TaskError("", "boom"), t.error());
        assertEquals("oops", t.parameters().get("input"));
        assertEquals("1", t.parameters().get("credit_cost.a"));
    }
}
