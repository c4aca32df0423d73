package dev.reelwatch.provider.meshapi;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.RequestContext;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimPhase;
import dev.reelwatch.sim.SimResponse;
import dev.reelwatch.sim.SimRequest;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MeshApiClient against the MeshAPI simulator over real loopback HTTP. */
class MeshApiClientTest {
    private static final String KEY = "mesh-sk-7f3a9c-secret";
    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
            "Reelwatch-test", Duration.ofSeconds(3), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
    private final List<SimServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(SimServer::close);
    }

    @Test
    void listsEveryTaskThroughMoreThanTwoPagesOfOffsetPagination() throws Exception {
        MeshApiSimulator sim = start(finishedTasks(7));
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(3), pages::add);

        assertEquals(3, outcome.pages());
        assertEquals(7, outcome.tasksListed());
        assertTrue(outcome.complete());
        assertTrue(outcome.problems().isEmpty(), outcome.problems().toString());
        assertEquals(List.of(3, 3, 1), pages.stream().map(p -> p.tasks().size()).toList());
        assertEquals(7, pages.stream().flatMap(p -> p.tasks().stream()).map(Task::providerTaskId).distinct().count());
        assertEquals(3, sim.requestCount("list"));
        assertEquals(List.of("6"), sim.lastRequest("list").orElseThrow().params("offset"));
        assertEquals(List.of("3"), sim.lastRequest("list").orElseThrow().params("limit"));
        assertTrue(pages.get(0).tasks().stream().allMatch(t -> t.accountId() == 11));
    }

    @Test
    void listIsDbOnlySoARunningTaskMovesOnlyWhenFetched() throws Exception {
        SimTask live = task("live", NOW.plusSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10), SimOutcome.SUCCEEDED);
        MeshApiSimulator sim = start(List.of(live));
        MeshApiClient client = client(sim);
        assertFalse(client.listReportsLiveStatus());

        clock.advance(Duration.ofSeconds(60));
        assertEquals(TaskStatus.QUEUED, only(client).status(), "the list shows the DB row, never refreshed");

        Task fetched = client.fetchTask("live");
        assertEquals(TaskStatus.SUCCEEDED, fetched.status());
        assertEquals(NOW.plusSeconds(60), fetched.updatedAt(), "MeshAPI stamps the row when it syncs it");
        assertEquals(TaskStatus.SUCCEEDED, only(client).status(), "the single GET updated the DB row");
        assertEquals(1, sim.requestCount("get"));
    }

    @Test
    void mapsEveryStatusTheSimulatorProduces() throws Exception {
        List<SimTask> tasks = new ArrayList<>();
        for (SimOutcome outcome : SimOutcome.values()) {
            tasks.add(task(outcome.name().toLowerCase(), NOW.minusSeconds(600), Duration.ofSeconds(5),
                    Duration.ofSeconds(20), outcome));
        }
        tasks.add(task("running", NOW.minusSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        tasks.add(task("queued", NOW.minusSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        MeshApiSimulator sim = start(tasks);
        MeshApiClient client = client(sim);
        client.fetchTask("running");

        Map<String, Task> byId = listAll(client);

        assertEquals(EnumSet.allOf(TaskStatus.class), byId.values().stream().map(Task::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskStatus.class))));
        Task failed = byId.get("failed");
        assertEquals("OutputVideoSensitiveContentDetected", failed.error().code());
        assertEquals("The generated video may contain sensitive content.", failed.error().message());
        assertEquals("TaskExpired", byId.get("expired").error().code());
        assertTrue(byId.get("succeeded").cost() != null && byId.get("succeeded").cost().display().endsWith("tokens"));
        assertTrue(byId.get("cancelled").outputs().isEmpty());
    }

    @Test
    void succeededVideoUrlServesTheRealClipWithRangesAndItsLastFrame() throws Exception {
        MeshApiSimulator sim = start(List.of(task("done", NOW.minusSeconds(600), Duration.ofSeconds(5),
                Duration.ofSeconds(20), SimOutcome.SUCCEEDED)));
        Task task = client(sim).fetchTask("done");
        byte[] clip = new DemoClips().bytes("bars");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(task.outputs().get(0).url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(task.outputs().get(0).url()))
                .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> frame = http.send(HttpRequest.newBuilder(URI.create(task.thumbnailUrl())).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, whole.statusCode());
        assertArrayEquals(clip, whole.body());
        assertEquals(String.valueOf(clip.length), whole.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(clip, 100, 200), part.body());
        assertEquals(200, frame.statusCode());
        assertEquals((byte) 0xFF, frame.body()[0]);
        assertEquals((byte) 0xD8, frame.body()[1]);
        assertEquals(task.updatedAt().plus(Duration.ofHours(24)), task.outputs().get(0).expiresAt());
        assertEquals(3, sim.requestCount("file"));
        assertEquals(1, sim.requestCount("get"));
    }

    @Test
    void statusAndModelFiltersAreSentAsRepeatedParametersWithCreatedAfter() throws Exception {
        List<SimTask> tasks = new ArrayList<>(List.of(
                task("old-fail", NOW.minusSeconds(7200), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.FAILED),
                task("new-fail", NOW.minusSeconds(600), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.FAILED),
                task("new-ok", NOW.minusSeconds(500), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.SUCCEEDED),
                task("new-cancel", NOW.minusSeconds(400), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.CANCELLED)));
        tasks.add(withModel(task("new-fail-other", NOW.minusSeconds(300), Duration.ofSeconds(5), Duration.ofSeconds(20),
                SimOutcome.FAILED), "seedance-lite"));
        MeshApiSimulator sim = start(tasks);
        ListQuery query = new ListQuery(NOW.minusSeconds(3600), Set.of(TaskStatus.FAILED, TaskStatus.SUCCEEDED),
                Set.of("seedance-1-0-pro", "seedance-pro-fast"), 50);

        Map<String, Task> byId = new java.util.LinkedHashMap<>();
        ListOutcome outcome = client(sim).listTasks(query, p -> p.tasks().forEach(t -> byId.put(t.providerTaskId(), t)));

        SimRequest sent = sim.lastRequest("list").orElseThrow();
        assertEquals(List.of("failed", "succeeded"), sent.params("status"));
        assertEquals(List.of("seedance-1-0-pro", "seedance-pro-fast"), sent.params("model"));
        assertEquals(List.of("2026-05-20T11:00:00Z"), sent.params("created_after"));
        assertEquals(Set.of("new-fail", "new-ok"), byId.keySet());
        assertFalse(outcome.complete(), "a filtered listing says nothing about tasks it did not ask for");
    }

    @Test
    void createdAfterFetchesOnlyWhatIsNew() throws Exception {
        MeshApiSimulator sim = start(finishedTasks(5));
        sim.addTask(task("fresh", NOW.plusSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.SUCCEEDED));
        clock.advance(Duration.ofSeconds(10));

        Map<String, Task> byId = new java.util.LinkedHashMap<>();
        client(sim).listTasks(ListQuery.all().createdSince(NOW), p -> p.tasks().forEach(t -> byId.put(t.providerTaskId(), t)));

        assertEquals(Set.of("fresh"), byId.keySet());
        assertEquals(TaskStatus.QUEUED, byId.get("fresh").status());
    }

    @Test
    void duplicateIdsAcrossPagesAndItemsWithoutIdAreReportedNotFatal() throws Exception {
        List<SimTask> tasks = finishedTasks(6); // newest first: t0 .. t5
        MeshApiSimulator sim = start(tasks);
        sim.alterTask("t4", o -> o.put("id", "t1"));
        sim.alterTask("t5", o -> o.remove("id"));
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(3), pages::add);

        assertEquals(4, outcome.tasksListed());
        assertEquals(2, pages.get(1).problems().size(), pages.get(1).problems().toString());
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("t1") && p.contains("twice")));
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("without an id")));
        assertFalse(outcome.complete(), "MeshAPI counted 6 tasks, only 4 could be kept");
    }

    @Test
    void unknownFieldsUnknownStatusesAndUnicodePromptsAreKept() throws Exception {
        MeshApiSimulator sim = start(List.of(task("odd", NOW.minusSeconds(600), Duration.ofSeconds(5),
                Duration.ofSeconds(20), SimOutcome.SUCCEEDED)));
        sim.setIncludePrompt(true);
        sim.alterTask("odd", o -> {
            o.put("status", "moderating");
            o.put("content", (String) null);
            o.put("billing_region", "ap-southeast-1");
        });

        Task task = client(sim).fetchTask("odd");

        assertEquals(TaskStatus.RUNNING, task.status());
        assertEquals("moderating", task.providerStatus());
        assertEquals("قارب صغير يبحر في البحر عند الغروب 🌊", task.prompt());
        assertEquals("ap-southeast-1", task.parameters().get("billing_region"));
        assertTrue(task.rawJson().contains("moderating"));
    }

    @Test
    void baseUrlWithAPathPrefixAndTrailingSlashWorks() throws Exception {
        MeshApiSimulator sim = new MeshApiSimulator(clock, KEY, finishedTasks(4), "/gateway/meshapi");
        servers.add(sim);
        sim.start();
        MeshApiClient client = new MeshApiClient(account(URI.create(sim.baseUrl() + "/")), KEY, transport);

        ListOutcome outcome = client.listTasks(ListQuery.all().withPageSize(2), p -> { });
        Task one = client.fetchTask("t2");

        assertEquals(4, outcome.tasksListed());
        assertEquals("t2", one.providerTaskId());
        assertTrue(one.outputs().get(0).url().startsWith(sim.baseUrl() + "/files/"));
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        MeshApiSimulator sim = start(finishedTasks(1));
        MeshApiClient wrong = new MeshApiClient(account(sim.baseUrl()), "mesh-sk-wrong-key-0000", transport);

        ProviderException e = assertThrows(ProviderException.class, () -> wrong.listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.AUTHENTICATION, e.kind());
        assertEquals(401, e.httpStatus());
        assertTrue(e.getMessage().contains("Invalid API key"), e.getMessage());
        assertNoKey(e, "mesh-sk-wrong-key-0000");
        ProviderException none = assertThrows(ProviderException.class,
                () -> new MeshApiClient(account(sim.baseUrl()), null, transport).fetchTask("t0"));
        assertEquals(ProviderErrorKind.AUTHENTICATION, none.kind());
    }

    @Test
    void unknownTaskIsNotFound() {
        MeshApiSimulator sim = start(finishedTasks(1));

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).fetchTask("no-such-task"));

        assertEquals(ProviderErrorKind.NOT_FOUND, e.kind());
        assertNoKey(e, KEY);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        MeshApiSimulator sim = start(finishedTasks(1));
        sim.faults().on(Fault.RATE_LIMIT).retryAfterSeconds(7);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertNoKey(e, KEY);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "UNAVAILABLE"})
    void htmlErrorPagesAreUpstreamTrouble(Fault fault) {
        MeshApiSimulator sim = start(finishedTasks(1));
        sim.faults().on(fault);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).fetchTask("t0"));

        assertEquals(ProviderErrorKind.UPSTREAM, e.kind());
        assertTrue(e.kind().isTransient());
        assertFalse(e.getMessage().contains("<html"), "HTML bodies are not pasted into messages");
        assertNoKey(e, KEY);
    }

    @Test
    void disabledRouteIsProviderDisabled() {
        MeshApiSimulator sim = start(finishedTasks(1));
        sim.faults().on(Fault.DISABLED);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.PROVIDER_DISABLED, e.kind());
        assertNoKey(e, KEY);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"MALFORMED_JSON", "TRUNCATED_JSON"})
    void unreadableAnswersAreBadResponses(Fault fault) {
        MeshApiSimulator sim = start(finishedTasks(2));
        sim.faults().on(fault);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.BAD_RESPONSE, e.kind());
        assertNoKey(e, KEY);
    }

    @Test
    void answerOfTheWrongShapeIsABadResponse() {
        SimServer odd = new SimServer(clock, "") {
            @Override
            protected SimResponse handle(SimRequest request) {
                return request.path().endsWith("generations")
                        ? SimResponse.json(200, "{\"data\":\"none\",\"has_more\":false}")
                        : SimResponse.json(200, "[1,2,3]");
            }
        };
        servers.add(odd);
        odd.start();
        MeshApiClient client = new MeshApiClient(account(odd.baseUrl()), KEY, transport);

        assertEquals(ProviderErrorKind.BAD_RESPONSE,
                assertThrows(ProviderException.class, () -> client.listTasks(ListQuery.all(), p -> { })).kind());
        assertEquals(ProviderErrorKind.BAD_RESPONSE,
                assertThrows(ProviderException.class, () -> client.fetchTask("x")).kind());
    }

    @Test
    void cutConnectionIsANetworkError() {
        MeshApiSimulator sim = start(finishedTasks(3));
        sim.faults().on(Fault.CONNECTION_RESET);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.NETWORK, e.kind());
        assertNoKey(e, KEY);
    }

    @Test
    void slowAnswerBeyondTheRequestTimeoutIsANetworkError() {
        MeshApiSimulator sim = start(finishedTasks(1));
        sim.faults().on(Fault.LATENCY).latency(Duration.ofMillis(800));
        HttpTransport impatient = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(1)), "Reelwatch-test",
                Duration.ofMillis(200), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);

        ProviderException e = assertThrows(ProviderException.class,
                () -> new MeshApiClient(account(sim.baseUrl()), KEY, impatient).fetchTask("t0"));

        assertEquals(ProviderErrorKind.NETWORK, e.kind());
        assertNoKey(e, KEY);
    }

    @Test
    void simulatorRejectsBadParametersWithAFastApiDetailList() {
        MeshApiSimulator sim = start(finishedTasks(1));
        URI bad = URI.create(sim.baseUrl() + "/v1/video/generations?created_after=yesterday&status=done&limit=x");

        ProviderException e = assertThrows(ProviderException.class, () -> transport.getJson(
                new RequestContext(ProviderKind.MESHAPI, "studio"), bad, Map.of("Authorization", "Bearer " + KEY)));

        assertEquals(ProviderErrorKind.VALIDATION, e.kind());
        assertEquals(422, e.httpStatus());
        assertEquals(3, e.details().size(), e.details().toString());
        assertTrue(e.details().stream().anyMatch(d -> d.startsWith("query.created_after: ")), e.details().toString());
        assertTrue(e.details().stream().anyMatch(d -> d.startsWith("query.status.0: ")), e.details().toString());
    }

    @Test
    void simulatorAnswersAMissingOrWrongKeyWithAFastApiDetail() throws Exception {
        MeshApiSimulator sim = start(finishedTasks(1));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/video/generations"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/video/generations/t0"))
                .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, missing.statusCode());
        assertEquals("{\"detail\":\"Not authenticated\"}", missing.body());
        assertEquals(401, wrong.statusCode());
        assertEquals("{\"detail\":\"Invalid API key\"}", wrong.body());
        assertEquals(SimPhase.SUCCEEDED, sim.storedPhase("t0").orElseThrow());
    }

    private static void assertNoKey(ProviderException e, String key) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(key), "key leaked into: " + message);
            assertFalse(message.contains(KEY), "key leaked into: " + message);
        }
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("MeshAPI account 'studio'"), e.getMessage());
    }

    private Task only(MeshApiClient client) throws ProviderException {
        Map<String, Task> all = listAll(client);
        assertEquals(1, all.size());
        return all.values().iterator().next();
    }

    private static Map<String, Task> listAll(MeshApiClient client) throws ProviderException {
        Map<String, Task> byId = new java.util.LinkedHashMap<>();
        client.listTasks(ListQuery.all(), p -> p.tasks().forEach(t -> byId.put(t.providerTaskId(), t)));
        return byId;
    }

    private MeshApiSimulator start(List<SimTask> tasks) {
        MeshApiSimulator sim = new MeshApiSimulator(clock, KEY, tasks);
        servers.add(sim);
        sim.start();
        return sim;
    }

    private MeshApiClient client(MeshApiSimulator sim) {
        return new MeshApiClient(account(sim.baseUrl()), KEY, transport);
    }

    private static Account account(URI base) {
        return new Account(11, ProviderKind.MESHAPI, "studio", base, CredentialRef.credentialsFile("studio"), true, false);
    }

    /** Finished tasks t0 (newest) … t{n-1} (oldest). */
    private static List<SimTask> finishedTasks(int n) {
        List<SimTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task("t" + i, NOW.minusSeconds(3600 + i * 60L), Duration.ofSeconds(5), Duration.ofSeconds(30),
                    SimOutcome.SUCCEEDED));
        }
        return tasks;
    }

    static SimTask task(String id, Instant created, Duration queued, Duration run, SimOutcome outcome) {
        boolean failed = outcome == SimOutcome.FAILED;
        return new SimTask(id, "قارب صغير يبحر في البحر عند الغروب 🌊", "seedance-1-0-pro", created, queued, run, outcome,
                "bars", failed ? "OutputVideoSensitiveContentDetected" : null,
                failed ? "The generated video may contain sensitive content." : null, 42, "1280x720", "16:9", 5, 24, 1800);
    }

    private static SimTask withModel(SimTask t, String model) {
        return new SimTask(t.id(), t.prompt(), model, t.createdAt(), t.queuedFor(), t.runFor(), t.outcome(), t.clip(),
                t.errorCode(), t.errorMessage(), t.seed(), t.resolution(), t.ratio(), t.durationSeconds(), t.fps(),
                t.costUnits());
    }
}
