package dev.reelwatch.provider.moneyprinter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.Json;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.SeedExampleServer;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of MoneyPrinterTurbo's own API page (seed 003), parsed exactly as printed there. */
class MoneyPrinterSeedContractTest {
    private static final String SEED_TASK = "6c85c8cc-a77a-42b9-bc30-947815aa0558";
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private SeedExampleServer server;
    private MoneyPrinterClient client;

    @BeforeEach
    void start() {
        server = new SeedExampleServer(clock).start();
        Account account = new Account(3, ProviderKind.MONEYPRINTERTURBO, "local", server.baseUrl(),
                CredentialRef.none(), true, false);
        client = new MoneyPrinterClient(account, null, new HttpTransport(HttpTransport.newHttpClient(
                Duration.ofSeconds(2)), "Reelwatch/test", Duration.ofSeconds(5), 1 << 20, clock));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void singleTaskExampleMapsStateProgressAndBothOutputsOntoTheAccountsBaseUrl() throws Exception {
        String body = SeedExampleServer.resource("/seeds/moneyprinterturbo/get-task-response.json");
        server.answer("/api/v1/tasks/" + SEED_TASK, body);

        Task task = client.fetchTask(SEED_TASK);

        assertEquals(SEED_TASK, task.providerTaskId());
        assertEquals(3, task.accountId());
        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals("1", task.providerStatus());
        assertEquals(100, task.progress());
        String base = server.baseUrl().toString();
        assertEquals(List.of(
                new TaskOutput(0, base + "/tasks/" + SEED_TASK + "/final-1.mp4", OutputKind.VIDEO, null, null, null,
                        "video/mp4", false),
                new TaskOutput(1, base + "/tasks/" + SEED_TASK + "/combined-1.mp4", OutputKind.COMBINED_VIDEO, null,
                        null, null, "video/mp4", false)), task.outputs());
        assertNull(task.outputs().get(0).expiresAt(), "MoneyPrinterTurbo files live until deleted");
        assertEquals(base + "/api/v1/stream/" + SEED_TASK + "/final-1.mp4", task.parameters().get("stream_url"));
        assertEquals(base + "/api/v1/download/" + SEED_TASK + "/final-1.mp4", task.parameters().get("download_url"));
        assertEquals(Json.mapper().readTree(body).get("data"), Json.mapper().readTree(task.rawJson()));
    }

    @Test
    void listExampleEnvelopeIsReadAndItsTotalIsBelievedOverAnEmptyPage() throws Exception {
        // The page prints the list as "[ ... ]", which is not JSON; with the elision left empty the envelope
        // says 42 tasks but lists none, which must be reported and must not count as a complete listing.
        String printed = SeedExampleServer.resource("/seeds/moneyprinterturbo/list-tasks-response.txt");
        assertTrue(printed.contains("\"tasks\": [ ... ]"));
        server.answer("/api/v1/tasks", printed.replace("[ ... ]", "[]"));

        List<TaskPage> pages = new ArrayList<>();
        ListOutcome outcome = client.listTasks(ListQuery.all().withPageSize(10), pages::add);

        assertEquals(1, outcome.pages());
        assertEquals(0, outcome.tasksListed());
        assertFalse(outcome.complete());
        assertTrue(outcome.problems().get(0).contains("42"), outcome.problems().toString());
        assertEquals("1", server.requests().get(0).param("page").orElseThrow());
        assertEquals("10", server.requests().get(0).param("page_size").orElseThrow());
    }

    @Test
    void listExampleWithTheSingleTaskRecordFilledInIsReadThroughItsTotal() throws Exception {
        String printed = SeedExampleServer.resource("/seeds/moneyprinterturbo/list-tasks-response.txt");
        JsonNode record = Json.mapper().readTree(SeedExampleServer.resource(
                "/seeds/moneyprinterturbo/get-task-response.json")).get("data");
        String item = "{\"task_id\":\"" + SEED_TASK + "\"," + record.toString().substring(1);
        server.answer("/api/v1/tasks", printed.replace("[ ... ]", "[" + item + "]").replace("\"total\": 42", "\"total\": 1"));

        List<TaskPage> pages = new ArrayList<>();
        ListOutcome outcome = client.listTasks(ListQuery.all(), pages::add);

        assertTrue(outcome.complete());
        assertEquals(1, outcome.tasksListed());
        assertEquals(SEED_TASK, pages.get(0).tasks().get(0).providerTaskId());
        assertEquals(TaskStatus.SUCCEEDED, pages.get(0).tasks().get(0).status());
    }

    @Test
    void rawStateRecordAsTheServerStoresItKeepsEveryField() throws Exception {
        // The record shape MoneyPrinterTurbo's app/services/state.py writes: task_id, state, progress, **kwargs.
        String raw = """
                {"task_id":"b2f1","state":1,"progress":100,"script":"Why do cats purr?\\nBecause they can.",
                 "terms":["cat","purr","kitten"],"audio_file":"/app/storage/tasks/b2f1/audio.mp3",
                 "audio_duration":12.48,"subtitle_path":"/app/storage/tasks/b2f1/subtitle.srt",
                 "materials":[{"provider":"pexels","url":"https://www.pexels.com/video/1/","duration":5}],
                 "video_subject":"Cats purring","videos":["/app/storage/tasks/b2f1/final-1.mp4"],
                 "combined_videos":["/app/storage/tasks/b2f1/combined-1.mp4"],"brand_new_field":{"a":1}}""";
        MoneyPrinterTaskMapper mapper = new MoneyPrinterTaskMapper(URI.create("http://nas.local:8080/mpt/"));

        Task task = mapper.map(Json.mapper().readTree(raw), null, raw);

        assertEquals("b2f1", task.providerTaskId());
        assertEquals("Why do cats purr?\nBecause they can.", task.prompt());
        assertEquals(Duration.ofMillis(12_480), task.duration());
        assertEquals("http://nas.local:8080/mpt/tasks/b2f1/final-1.mp4", task.outputs().get(0).url());
        assertEquals("http://nas.local:8080/mpt/tasks/b2f1/combined-1.mp4", task.outputs().get(1).url());
        assertEquals("cat, purr, kitten", task.parameters().get("terms"));
        assertEquals("Cats purring", task.parameters().get("video_subject"));
        assertEquals("{\"a\":1}", task.parameters().get("brand_new_field"));
        assertEquals(raw, task.rawJson());
        Set<String> mappedToFields = Set.of("task_id", "state", "progress", "script", "audio_duration", "videos",
                "combined_videos");
        Json.mapper().readTree(raw).fieldNames().forEachRemaining(name -> assertTrue(
                mappedToFields.contains(name) || task.parameters().containsKey(name), name + " was dropped"));
    }

    @Test
    void redisTextValuesAndWindowsPathsInPythonListTextAreParsedLeniently() throws Exception {
        String raw = "{\"task_id\":\"w1\",\"state\":\"1\",\"progress\":\"100\",\"audio_duration\":\"7.5\","
                + "\"videos\":\"['C:\\\\\\\\Users\\\\\\\\me\\\\\\\\storage\\\\\\\\tasks\\\\\\\\w1\\\\\\\\final-1.mp4']\","
                + "\"combined_videos\":\"[\\\"C:\\\\\\\\x\\\\\\\\tasks\\\\\\\\w1\\\\\\\\combined-1.mp4\\\"]\"}";
        JsonNode node = Json.mapper().readTree(raw);
        assertEquals("['C:\\\\Users\\\\me\\\\storage\\\\tasks\\\\w1\\\\final-1.mp4']", node.get("videos").asText());

        Task task = new MoneyPrinterTaskMapper(URI.create("http://127.0.0.1:8080")).map(node, null, raw);

        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals(100, task.progress());
        assertEquals(Duration.ofMillis(7_500), task.duration());
        assertEquals(List.of("http://127.0.0.1:8080/tasks/w1/final-1.mp4", "http://127.0.0.1:8080/tasks/w1/combined-1.mp4"),
                task.outputs().stream().map(TaskOutput::url).toList());
    }

    @Test
    void everyStateCodeMapsAndUnknownOnesStayRawAndRunning() {
        MoneyPrinterTaskMapper mapper = new MoneyPrinterTaskMapper(URI.create("http://localhost:8080"));
        assertEquals(TaskStatus.QUEUED, mapper.status("0"));
        assertEquals(TaskStatus.RUNNING, mapper.status("4"));
        assertEquals(TaskStatus.SUCCEEDED, mapper.status("1"));
        assertEquals(TaskStatus.FAILED, mapper.status("-1"));
        assertEquals(TaskStatus.SUCCEEDED, mapper.status("1.0"));
        assertEquals(TaskStatus.RUNNING, mapper.status("7"));
        assertEquals(TaskStatus.RUNNING, mapper.status("mystery"));
        assertEquals(TaskStatus.RUNNING, mapper.status(null));
        Task seven = mapper.map(Json.mapper().createObjectNode().put("task_id", "x").put("state", 7), null, "{}");
        assertEquals("7", seven.providerStatus());
        assertEquals(TaskStatus.RUNNING, seven.status());
    }

    @Test
    void wrongTypesEverywhereNeverCrashTheMapper() throws Exception {
        String raw = "{\"id\":\"odd\",\"state\":[1],\"progress\":{\"a\":1},\"videos\":5,\"combined_videos\":null,"
                + "\"script\":null,\"audio_duration\":\"soon\",\"created_at\":\"yesterday\"}";

        Task task = new MoneyPrinterTaskMapper(URI.create("http://localhost:8080")).map(
                Json.mapper().readTree(raw), null, raw);

        assertEquals("odd", task.providerTaskId());
        assertEquals(TaskStatus.RUNNING, task.status());
        assertNull(task.progress());
        assertTrue(task.outputs().isEmpty());
        assertNull(task.duration());
        assertNull(task.createdAt());
    }
}
