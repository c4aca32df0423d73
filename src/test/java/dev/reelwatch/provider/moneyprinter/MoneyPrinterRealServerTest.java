package dev.reelwatch.provider.moneyprinter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpErrors;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.RequestContext;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the real MoneyPrinterTurbo (its FastAPI app and state module) does that older simulators did not: relative
 * single-task URLs, 409 for deleting a running task, its own 400 envelope, {@code failed_stage}/{@code error} and
 * {@code cross_post_*} on every record, {@code invalid file path} 404s, and server paths with {@code ..}.
 */
class MoneyPrinterRealServerTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String ID = "6c85c8cc-a77a-42b9-bc30-947815aa0558";
    private final AdjustableClock clock = new AdjustableClock(T0);
    private final DemoClips clips = new DemoClips();
    private MoneyPrinterSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static SimTask task(String id, Instant created, Duration run, SimOutcome outcome) {
        boolean failed = outcome == SimOutcome.FAILED;
        return new SimTask(id, "A story about lighthouses", "moneyprinterturbo", created, Duration.ofSeconds(10), run,
                outcome, DemoClips.NAMES.get(0), null, failed ? "failed to generate video: no video materials found"
                : null, 42, "1080x1920", "9:16", 12, 30, 100);
    }

    private MoneyPrinterClient client(URI base) {
        Account account = new Account(7, ProviderKind.MONEYPRINTERTURBO, "home server", base, CredentialRef.none(),
                true, false);
        return new MoneyPrinterClient(account, null, transport());
    }

    private HttpTransport transport() {
        return new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test",
                Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
    }

    private HttpResponse<String> raw(String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return transport().client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSingleTaskAnswerCarriesRelativeUrlsWhichTheClientResolvesAgainstTheAccountsBaseUrl() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(task(ID, T0.minusSeconds(3600), Duration.ofSeconds(20),
                SimOutcome.SUCCEEDED)), "/mpt").start();

        JsonNode body = Json.mapper().readTree(raw("GET", sim.baseUrl() + "/api/v1/tasks/" + ID).body());
        assertEquals("/tasks/" + ID + "/final-1.mp4", body.get("data").get("videos").get(0).asText(),
                "with the endpoint setting empty (the default) the server's URLs are relative");

        Task fetched = client(sim.baseUrl()).fetchTask(ID);
        String expected = sim.baseUrl() + "/tasks/" + ID + "/final-1.mp4";
        assertEquals(expected, fetched.primaryVideo().orElseThrow().url());
        assertEquals(sim.baseUrl() + "/tasks/" + ID + "/combined-1.mp4", fetched.outputs().get(1).url());
        assertArrayEquals(clips.bytes(DemoClips.NAMES.get(0)), transport().client().send(
                HttpRequest.newBuilder(URI.create(expected)).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertNull(fetched.createdAt(), "MoneyPrinterTurbo records carry no time at all");

        sim.setEndpoint("http://127.0.0.1:" + sim.port());
        assertEquals(expected, client(sim.baseUrl()).fetchTask(ID).primaryVideo().orElseThrow().url(),
                "an absolute URL without the proxy prefix is rebuilt on the base URL too");
    }

    @Test
    void everyRecordCarriesTheCurrentFieldsNullWhenUnsetAndAFailedTaskSaysWhereAndWhy() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(
                task("ok", T0.minusSeconds(3600), Duration.ofSeconds(20), SimOutcome.SUCCEEDED),
                task("bad", T0.minusSeconds(3600), Duration.ofSeconds(20), SimOutcome.FAILED),
                task("busy", T0.minusSeconds(15), Duration.ofSeconds(600), SimOutcome.SUCCEEDED))).start();

        JsonNode list = Json.mapper().readTree(raw("GET", sim.baseUrl() + "/api/v1/tasks?page=1&page_size=10").body());
        for (JsonNode record : list.get("data").get("tasks")) {
            for (String field : List.of("failed_stage", "error", "cross_post_state", "cross_post_results",
                    "cross_post_error", "videos", "combined_videos")) {
                assertTrue(record.has(field), () -> field + " missing from " + record);
            }
        }
        JsonNode busy = Json.mapper().readTree(raw("GET", sim.baseUrl() + "/api/v1/tasks/busy").body()).get("data");
        assertTrue(busy.get("videos").isNull(), "videos are null, not absent, while nothing is made yet");

        Task failed = client(sim.baseUrl()).fetchTask("bad");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("failed to generate video: no video materials found", failed.error().message());
        assertFalse(failed.error().code().isEmpty(), "the failed stage becomes the error code");
        assertEquals(failed.error().code(), failed.parameters().get("failed_stage"));
        Task ok = client(sim.baseUrl()).fetchTask("ok");
        assertNull(ok.error(), "null error and failed_stage on a good task are no error");
        assertFalse(ok.parameters().containsKey("cross_post_state"));
    }

    @Test
    void deletingARunningTaskIsRefusedWith409AndSaysSoPlainly() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(
                task("busy", T0.minusSeconds(15), Duration.ofSeconds(600), SimOutcome.SUCCEEDED),
                task("posting", T0.minusSeconds(3600), Duration.ofSeconds(20), SimOutcome.SUCCEEDED),
                task("done", T0.minusSeconds(3600), Duration.ofSeconds(20), SimOutcome.SUCCEEDED))).start();
        sim.setCrossPostState("posting", "pending");
        MoneyPrinterClient client = client(sim.baseUrl());

        HttpResponse<String> refused = raw("DELETE", sim.baseUrl() + "/api/v1/tasks/busy");
        assertEquals(409, refused.statusCode());
        JsonNode body = Json.mapper().readTree(refused.body());
        assertEquals(409, body.get("status").asInt());
        assertTrue(body.get("message").asText().endsWith(": task is still running"), refused.body());

        for (String id : List.of("busy", "posting")) {
            ProviderException e = assertThrows(ProviderException.class, () -> client.deleteTask(id));
            assertEquals(ProviderErrorKind.CONFLICT, e.kind());
            assertEquals(409, e.httpStatus());
            assertTrue(e.getMessage().contains("MoneyPrinterTurbo will not delete a task that is still running"),
                    e.getMessage());
            assertTrue(sim.hasTask(id));
        }

        HttpResponse<String> deleted = raw("DELETE", sim.baseUrl() + "/api/v1/tasks/done");
        assertEquals("{\"status\":200,\"message\":\"success\",\"data\":null}", deleted.body());
        assertFalse(sim.hasTask("done"));
        sim.setCrossPostState("posting", "completed");
        client.deleteTask("posting");
        assertFalse(sim.hasTask("posting"));
    }

    @Test
    void invalidPagingIsMoneyPrintersOwn400WhoseFieldErrorsAreShownLikeA422s() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of()).start();

        HttpResponse<String> answer = raw("GET", sim.baseUrl() + "/api/v1/tasks?page=0&page_size=x");
        assertEquals(400, answer.statusCode());
        JsonNode body = Json.mapper().readTree(answer.body());
        assertEquals(400, body.get("status").asInt());
        assertFalse(body.has("detail"));
        assertEquals(2, body.get("data").size());
        assertEquals("greater_than_equal", body.get("data").get(0).get("type").asText());

        Account account = new Account(7, ProviderKind.MONEYPRINTERTURBO, "home server", sim.baseUrl(),
                CredentialRef.none(), true, false);
        ProviderException e = HttpErrors.fromStatus(RequestContext.of(account), answer.statusCode(), answer.body(),
                answer.headers().map(), clock);
        assertEquals(ProviderErrorKind.VALIDATION, e.kind());
        assertEquals(400, e.httpStatus());
        assertEquals(List.of("query.page: Input should be greater than or equal to 1",
                "query.page_size: Input should be a valid integer, unable to parse string as an integer"), e.details());
        assertTrue(e.getMessage().contains("query.page: Input should be greater than or equal to 1"), e.getMessage());
        assertFalse(e.getMessage().contains("cannot read"), "not an unreadable response");
    }

    @Test
    void aMissingFileIsInvalidFilePathAndAPathOutsideTheTaskFolderIs403() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(task(ID, T0.minusSeconds(3600), Duration.ofSeconds(20),
                SimOutcome.SUCCEEDED))).start();

        for (String route : List.of("/api/v1/stream/", "/api/v1/download/")) {
            HttpResponse<String> missing = raw("GET", sim.baseUrl() + route + ID + "/final-9.mp4");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains(": invalid file path"), missing.body());
            HttpResponse<String> outside = raw("GET", sim.baseUrl() + route + ID + "/../../config.toml");
            assertEquals(403, outside.statusCode(), outside.body());
            assertEquals(403, Json.mapper().readTree(outside.body()).get("status").asInt());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/srv/mpt/storage/tasks/" + ID + "/sub/../final-1.mp4|" + ID + "|final-1.mp4",
            "/srv/mpt/storage/tasks/" + ID + "/./final-1.mp4|" + ID + "|final-1.mp4",
            "C:\\mpt\\storage\\tasks\\" + ID + "\\x\\..\\final-1.mp4|" + ID + "|final-1.mp4",
            "/tasks/" + ID + "/final-1.mp4|" + ID + "|final-1.mp4",
            "http://127.0.0.1:8080/tasks/" + ID + "/%2e%2e/" + ID + "/final-1.mp4|" + ID + "|final-1.mp4"})
    void dotSegmentsThatStayInTheTaskFolderAreNormalised(String reported, String folder, String file) {
        MoneyPrinterUrls.TaskFile f = MoneyPrinterUrls.taskFile(ID, reported);

        assertFalse(f.refused(), f::refusal);
        assertEquals(folder, f.folder());
        assertEquals(file, f.file());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/srv/mpt/storage/tasks/" + ID + "/../other-task/final-1.mp4|another task's folder",
            "/srv/mpt/storage/tasks/" + ID + "/../../../../etc/passwd|lead out of the task's folder",
            "../../final-1.mp4|lead out of the task's folder",
            "/tasks/" + ID + "/../../final-1.mp4|lead out of the task's folder"})
    void pathsLeavingTheTaskFolderAreRefusedWithAReason(String reported, String why) {
        MoneyPrinterUrls.TaskFile f = MoneyPrinterUrls.taskFile(ID, reported);

        assertTrue(f.refused());
        assertTrue(f.refusal().contains(why), f.refusal());
        assertTrue(f.refusal().contains(reported), f.refusal());
    }

    @Test
    void aRefusedPathBecomesAnOutputWithItsReasonAndNoRequestUrl() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(task(ID, T0.minusSeconds(3600), Duration.ofSeconds(20),
                SimOutcome.SUCCEEDED))).start();
        sim.rewriteJson((route, body) -> {
            if (route.equals("list")) {
                ((ObjectNode) body.get("data").get("tasks").get(0)).putArray("videos")
                        .add("/storage/tasks/" + ID + "/../../secrets/final-1.mp4");
            }
            return body;
        });
        List<Task> listed = new ArrayList<>();

        client(sim.baseUrl()).listTasks(ListQuery.all(), page -> listed.addAll(page.tasks()));

        TaskOutput video = listed.get(0).outputs().get(0);
        assertTrue(video.refusal().contains("lead out of the task's folder"), video.refusal());
        assertEquals("/storage/tasks/" + ID + "/../../secrets/final-1.mp4", video.url(), "kept as reported, for display");
        TaskOutput combined = listed.get(0).outputs().get(1);
        assertNull(combined.refusal());
        assertEquals(sim.baseUrl() + "/tasks/" + ID + "/combined-1.mp4", combined.url());
        assertFalse(listed.get(0).parameters().getOrDefault("stream_url", "").contains("secrets"));
        assertEquals(Map.of(), client(sim.baseUrl()).downloadHeaders(video));
    }
}
