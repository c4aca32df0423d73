package dev.reelwatch.provider.moneyprinter;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MoneyPrinterClient against the MoneyPrinterTurbo simulator over real loopback HTTP. */
class MoneyPrinterClientTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String KEY = "mpt-secret-key-8f2a91";
    private final AdjustableClock clock = new AdjustableClock(T0);
    private final DemoClips clips = new DemoClips();
    private MoneyPrinterSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static SimTask task(String id, String prompt, Instant created, SimOutcome outcome, int n) {
        boolean failed = outcome == SimOutcome.FAILED;
        return new SimTask(id, prompt, "moneyprinterturbo", created, Duration.ofSeconds(10), Duration.ofSeconds(20),
                outcome, DemoClips.NAMES.get(n % DemoClips.NAMES.size()), failed ? "InternalServiceError" : null,
                failed ? "failed to generate video: no video materials found" : null, 42 + n, "1080x1920", "9:16", 12,
                30, 100);
    }

    /** Finished tasks created an hour ago, one per prompt. */
    private static List<SimTask> finished(int count) {
        return IntStream.range(0, count).mapToObj(i -> task("task-" + i, "Story number " + i,
                T0.minus(Duration.ofHours(1)).plusSeconds(i), i % 5 == 4 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED, i))
                .toList();
    }

    private MoneyPrinterClient client(URI base, String key, Duration timeout) {
        Account account = new Account(7, ProviderKind.MONEYPRINTERTURBO, "home server", base, CredentialRef.none(),
                true, false);
        return new MoneyPrinterClient(account, key, transport(timeout));
    }

    private HttpTransport transport(Duration timeout) {
        return new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test", timeout,
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
    }

    private MoneyPrinterClient client() {
        return client(sim.baseUrl(), null, Duration.ofSeconds(5));
    }

    private static Map<String, Task> listAll(MoneyPrinterClient client, List<TaskPage> pages) throws ProviderException {
        client.listTasks(ListQuery.all().withPageSize(5), pages::add);
        return pages.stream().flatMap(p -> p.tasks().stream())
                .collect(Collectors.toMap(Task::providerTaskId, Function.identity()));
    }

    private HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return transport(Duration.ofSeconds(5)).client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listsEveryTaskThroughMoreThanTwoPagesUntilTheTotal() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(23)).start();
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(ListQuery.all().withPageSize(5), pages::add);

        assertEquals(5, outcome.pages());
        assertEquals(5, sim.requestCount("list"));
        assertEquals(23, outcome.tasksListed());
        assertTrue(outcome.complete());
        assertTrue(outcome.problems().isEmpty(), outcome.problems().toString());
        Set<String> ids = pages.stream().flatMap(p -> p.tasks().stream()).map(Task::providerTaskId)
                .collect(Collectors.toSet());
        assertEquals(finished(23).stream().map(SimTask::id).collect(Collectors.toSet()), ids);
        assertTrue(pages.stream().flatMap(p -> p.tasks().stream()).allMatch(t -> t.accountId() == 7));
    }

    @Test
    void tasksMoveFromQueuedThroughRunningToSucceededOrFailedAsTimePasses() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(
                task("good", "A fox in the snow", T0, SimOutcome.SUCCEEDED, 0),
                task("bad", "A storm at sea", T0, SimOutcome.FAILED, 1))).start();
        MoneyPrinterClient client = client();

        clock.set(T0.plusSeconds(2));
        Task queued = client.fetchTask("good");
        assertEquals(TaskStatus.QUEUED, queued.status());
        assertEquals("0", queued.providerStatus());
        assertEquals(0, queued.progress());

        clock.set(T0.plusSeconds(20));
        Task running = client.fetchTask("good");
        assertEquals(TaskStatus.RUNNING, running.status());
        assertEquals("4", running.providerStatus());
        assertEquals(50, running.progress());
        assertEquals("A fox in the snow", running.prompt());
        assertTrue(running.outputs().isEmpty());

        clock.set(T0.plusSeconds(31));
        Task done = client.fetchTask("good");
        assertEquals(TaskStatus.SUCCEEDED, done.status());
        assertEquals("1", done.providerStatus());
        assertEquals(100, done.progress());
        assertEquals(List.of(OutputKind.VIDEO, OutputKind.COMBINED_VIDEO),
                done.outputs().stream().map(TaskOutput::kind).toList());
        assertEquals(sim.baseUrl() + "/api/v1/stream/good/final-1.mp4", done.parameters().get("stream_url"));

        Task failed = client.fetchTask("bad");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("-1", failed.providerStatus());
        assertEquals("failed to generate video: no video materials found", failed.error().message());
        assertTrue(failed.outputs().isEmpty());
    }

    @Test
    void listedStatesMatchFetchedOnesAndTasksNotYetCreatedAreAbsent() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(
                task("queued", "q", T0.minusSeconds(5), SimOutcome.SUCCEEDED, 0),
                task("running", "r", T0.minusSeconds(15), SimOutcome.SUCCEEDED, 1),
                task("done", "d", T0.minusSeconds(60), SimOutcome.SUCCEEDED, 2),
                task("failed", "f", T0.minusSeconds(60), SimOutcome.FAILED, 3),
                task("future", "later", T0.plusSeconds(60), SimOutcome.SUCCEEDED, 0))).start();

        Map<String, Task> listed = listAll(client(), new ArrayList<>());

        assertEquals(Set.of("queued", "running", "done", "failed"), listed.keySet());
        assertEquals(TaskStatus.QUEUED, listed.get("queued").status());
        assertEquals(TaskStatus.RUNNING, listed.get("running").status());
        assertEquals(TaskStatus.SUCCEEDED, listed.get("done").status());
        assertEquals(TaskStatus.FAILED, listed.get("failed").status());
        for (Task t : listed.values()) {
            Task fetched = client().fetchTask(t.providerTaskId());
            assertEquals(t.status(), fetched.status());
            assertEquals(t.outputs(), fetched.outputs(), "list paths and fetched URLs name the same files");
        }
    }

    @Test
    void anUnknownStateCodeKeepsItsRawValueAndCountsAsRunningWhileExtraFieldsAreKept() throws Exception {
        sim = new MoneyPrinterSimulator(clock, List.of(task("t", "Subject line\nmore", T0.minusSeconds(15),
                SimOutcome.SUCCEEDED, 0))).start();
        clock.set(T0.minusSeconds(15).plusSeconds(10 + 19));
        sim.setStateCode("t", "7");

        Task listed = listAll(client(), new ArrayList<>()).get("t");
        Task fetched = client().fetchTask("t");

        for (Task task : List.of(listed, fetched)) {
            assertEquals(TaskStatus.RUNNING, task.status());
            assertEquals("7", task.providerStatus());
            assertTrue(task.parameters().containsKey("materials"), task.parameters().toString());
            assertTrue(task.parameters().containsKey("subtitle_path"));
            assertTrue(task.parameters().containsKey("audio_file"));
            assertEquals("Subject line", task.parameters().get("video_subject"));
            assertTrue(task.rawJson().contains("\"state\":\"7\""));
        }
    }

    @Test
    void unicodePromptsSurviveTheRoundTrip() throws Exception {
        String prompt = "東京の夜、雨に濡れた路地を歩く猫 🐈\nقارب صغير — Fuchs läuft";
        sim = new MoneyPrinterSimulator(clock, List.of(task("ü-1", prompt, T0.minusSeconds(60),
                SimOutcome.SUCCEEDED, 0))).start();

        assertEquals(prompt, listAll(client(), new ArrayList<>()).get("ü-1").prompt());
        assertEquals(prompt, client().fetchTask("ü-1").prompt());
    }

    @Test
    void windowsServerPathsBecomeDownloadableUrlsOfTheExactClip() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(3)).start();
        sim.setWindowsPaths(true);

        Task task = listAll(client(), new ArrayList<>()).get("task-2");

        assertTrue(task.rawJson().contains("C:\\\\Users"), task.rawJson());
        String url = task.primaryVideo().orElseThrow().url();
        assertEquals(sim.baseUrl() + "/tasks/task-2/final-1.mp4", url);
        HttpResponse<byte[]> file = get(url, Map.of());
        assertEquals(200, file.statusCode());
        assertArrayEquals(clips.bytes(DemoClips.NAMES.get(2)), file.body());
    }

    @Test
    void redisTextModeYieldsTheSameTasksAsMemoryMode() throws Exception {
        List<SimTask> tasks = new ArrayList<>(finished(9));
        tasks.add(task("running", "r", T0.minusSeconds(20), SimOutcome.SUCCEEDED, 1));
        tasks.add(task("queued", "q", T0.minusSeconds(1), SimOutcome.SUCCEEDED, 1));
        sim = new MoneyPrinterSimulator(clock, tasks).start();
        Map<String, Task> memory = listAll(client(), new ArrayList<>());
        sim.setRedisMode(true);
        List<TaskPage> pages = new ArrayList<>();
        Map<String, Task> redis = listAll(client(), pages);

        assertEquals(memory.keySet(), redis.keySet());
        assertTrue(pages.stream().allMatch(p -> p.problems().isEmpty()));
        for (Task m : memory.values()) {
            Task r = redis.get(m.providerTaskId());
            assertTrue(r.rawJson().contains("\"state\":\""), r.rawJson());
            assertEquals(m.status(), r.status());
            assertEquals(m.providerStatus(), r.providerStatus());
            assertEquals(m.progress(), r.progress());
            assertEquals(m.prompt(), r.prompt());
            assertEquals(m.duration(), r.duration());
            assertEquals(m.error(), r.error());
            assertEquals(m.outputs(), r.outputs());
            assertEquals(m.outputs(), client().fetchTask(m.providerTaskId()).outputs());
        }
        List<String> memoryOrder = finished(9).stream().map(SimTask::id).toList();
        List<String> redisOrder = pages.stream().flatMap(p -> p.tasks().stream()).map(Task::providerTaskId)
                .filter(memoryOrder::contains).toList();
        assertFalse(memoryOrder.equals(redisOrder), "SCAN order is not insertion order");
    }

    @Test
    void aDeletedTaskAndItsFilesAreGoneAndDeletingAgainIsNotFound() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(2)).start();
        MoneyPrinterClient client = client();
        String url = client.fetchTask("task-0").primaryVideo().orElseThrow().url();
        assertTrue(client.supportsDelete());

        client.deleteTask("task-0");

        ProviderException fetch = assertThrows(ProviderException.class, () -> client.fetchTask("task-0"));
        assertEquals(ProviderErrorKind.NOT_FOUND, fetch.kind());
        assertTrue(fetch.getMessage().contains("task not found"), fetch.getMessage());
        ProviderException again = assertThrows(ProviderException.class, () -> client.deleteTask("task-0"));
        assertEquals(ProviderErrorKind.NOT_FOUND, again.kind());
        assertEquals(404, get(url, Map.of()).statusCode());
        assertEquals(2, sim.requestCount("delete"));
        assertEquals(Set.of("task-1"), listAll(client, new ArrayList<>()).keySet());
    }

    @Test
    void aRestartedMemoryModeServerHasForgottenEveryTask() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(4)).start();
        MoneyPrinterClient client = client();
        assertEquals(4, listAll(client, new ArrayList<>()).size());

        sim.restart();

        List<TaskPage> pages = new ArrayList<>();
        ListOutcome outcome = client.listTasks(ListQuery.all(), pages::add);
        assertEquals(0, outcome.tasksListed());
        assertTrue(outcome.complete(), "an empty complete listing is how the sync learns tasks were forgotten");
        ProviderException e = assertThrows(ProviderException.class, () -> client.fetchTask("task-1"));
        assertEquals(ProviderErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void aBaseUrlBehindAReverseProxyPrefixWithTrailingSlashReachesEveryRoute() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(7), "/studio/mpt").start();
        MoneyPrinterClient client = client(URI.create(sim.baseUrl() + "/"), null, Duration.ofSeconds(5));

        Map<String, Task> listed = listAll(client, new ArrayList<>());
        Task fetched = client.fetchTask("task-3");

        assertEquals(7, listed.size());
        String expected = sim.baseUrl() + "/tasks/task-3/final-1.mp4";
        assertTrue(expected.contains("/studio/mpt/tasks/"));
        assertEquals(expected, listed.get("task-3").primaryVideo().orElseThrow().url());
        assertEquals(expected, fetched.primaryVideo().orElseThrow().url(),
                "the server's own URL lacks the proxy prefix; the client rebuilds it on the account's base");
        assertArrayEquals(clips.bytes(DemoClips.NAMES.get(3)), get(expected, Map.of()).body());
        client.deleteTask("task-3");
        assertFalse(sim.hasTask("task-3"));
    }

    @Test
    void streamDownloadAndStaticRoutesServeTheExactClip() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(2)).start();
        MoneyPrinterClient client = client();
        byte[] clip = clips.bytes(DemoClips.NAMES.get(1));

        HttpResponse<byte[]> stream = get(client.streamUrl("task-1", "final-1.mp4").toString(), Map.of());
        assertEquals(206, stream.statusCode(), "the stream route answers 206 even without a Range header");
        assertEquals("bytes 0-" + (clip.length - 1) + "/" + clip.length,
                stream.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(clip, stream.body());

        HttpResponse<byte[]> part = get(client.streamUrl("task-1", "final-1.mp4").toString(),
                Map.of("Range", "bytes=100-199"));
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);
        assertEquals(clip[150], part.body()[50]);

        HttpResponse<byte[]> download = get(client.downloadUrl("task-1", "combined-1.mp4").toString(), Map.of());
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        assertEquals(String.valueOf(clip.length), download.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(clip, download.body());

        HttpResponse<byte[]> file = get(client.fileUrl("task-1", "final-1.mp4").toString(), Map.of());
        assertArrayEquals(clip, file.body());
        assertEquals(4, sim.requestCount("file"));
        assertEquals(URI.create(sim.baseUrl() + "/api/v1/download/a%20b/final%201.mp4"),
                client.downloadUrl("a b", "final 1.mp4"));
    }

    @Test
    void duplicateAndIdlessRecordsAreReportedWithoutFailingTheListing() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(6)).start();
        sim.addRawRecord("{\"task_id\":\"task-2\",\"state\":4,\"progress\":10}");
        sim.addRawRecord("{\"state\":1,\"progress\":100}");
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(ListQuery.all().withPageSize(3), pages::add);

        assertEquals(6, outcome.tasksListed());
        assertEquals(2, outcome.problems().size(), outcome.problems().toString());
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("task-2") && p.contains("twice")));
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("without a task_id")));
        assertEquals(outcome.problems(), pages.stream().flatMap(p -> p.problems().stream()).toList());
        assertEquals(TaskStatus.SUCCEEDED, pages.stream().flatMap(p -> p.tasks().stream())
                .filter(t -> t.providerTaskId().equals("task-2")).findFirst().orElseThrow().status());
    }

    @Test
    void statusFiltersAreAppliedByTheClientAndMakeTheListingIncomplete() throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(10)).start();
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(new ListQuery(null, Set.of(TaskStatus.FAILED), Set.of(), 4),
                pages::add);

        assertEquals(Set.of("task-4", "task-9"), pages.stream().flatMap(p -> p.tasks().stream())
                .map(Task::providerTaskId).collect(Collectors.toSet()));
        assertEquals(3, outcome.pages());
        assertFalse(outcome.complete());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RATE_LIMIT", "SERVER_ERROR", "BAD_GATEWAY", "UNAVAILABLE", "DISABLED",
            "MALFORMED_JSON", "TRUNCATED_JSON", "CONNECTION_RESET"})
    void everyFaultBecomesItsErrorKindWithoutTheKeyAndTheNextCallRecovers(Fault fault) throws Exception {
        sim = new MoneyPrinterSimulator(clock, finished(3)).start();
        MoneyPrinterClient client = client(sim.baseUrl(), KEY, Duration.ofSeconds(5));
        sim.faults().retryAfterSeconds(7).on(fault).times(1);

        ProviderException e = assertThrows(ProviderException.class,
                () -> client.listTasks(ListQuery.all(), page -> { }));

        Map<Fault, ProviderErrorKind> expected = new HashMap<>(Map.of(
                Fault.RATE_LIMIT, ProviderErrorKind.RATE_LIMITED, Fault.SERVER_ERROR, ProviderErrorKind.UPSTREAM,
                Fault.BAD_GATEWAY, ProviderErrorKind.UPSTREAM, Fault.UNAVAILABLE, ProviderErrorKind.UPSTREAM,
                Fault.DISABLED, ProviderErrorKind.PROVIDER_DISABLED, Fault.MALFORMED_JSON, ProviderErrorKind.BAD_RESPONSE,
                Fault.TRUNCATED_JSON, ProviderErrorKind.BAD_RESPONSE, Fault.CONNECTION_RESET, ProviderErrorKind.NETWORK));
        assertEquals(expected.get(fault), e.kind(), e.getMessage());
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertTrue(e.getMessage().contains("home server"), e.getMessage());
        if (fault == Fault.RATE_LIMIT) {
            assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        }
        if (fault == Fault.BAD_GATEWAY) {
            assertEquals(502, e.httpStatus());
        }
        assertEquals(3, client.listTasks(ListQuery.all(), page -> { }).tasksListed());
    }

    @Test
    void aServerSlowerThanTheRequestTimeoutIsANetworkError() {
        sim = new MoneyPrinterSimulator(clock, finished(1)).start();
        sim.faults().latency(Duration.ofMillis(1500)).on(Fault.LATENCY);
        MoneyPrinterClient client = client(sim.baseUrl(), KEY, Duration.ofMillis(150));

        ProviderException e = assertThrows(ProviderException.class, () -> client.fetchTask("task-0"));

        assertEquals(ProviderErrorKind.NETWORK, e.kind());
        assertFalse(e.getMessage().contains(KEY));
    }
}
