package dev.reelwatch.provider.phaseo;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Cost;
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
import dev.reelwatch.provider.RequestContext;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimRequest;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PhaseoClient against the Phaseo simulator over real loopback HTTP. */
class PhaseoClientTest {
    private static final String KEY = "phs_live_4b1e8d-secret";
    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
            "Reelwatch-test", Duration.ofSeconds(3), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SimServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(SimServer::close);
    }

    @Test
    void videoApiDisabledByDefaultSurfacesAsProviderDisabledWithPhaseosMessage() {
        PhaseoSimulator sim = start(finishedTasks(3), false);
        PhaseoClient client = client(sim);

        ProviderException list = assertThrows(ProviderException.class, () -> client.listTasks(ListQuery.all(), p -> { }));
        ProviderException get = assertThrows(ProviderException.class, () -> client.fetchTask("v0"));

        for (ProviderException e : List.of(list, get)) {
            assertEquals(ProviderErrorKind.PROVIDER_DISABLED, e.kind());
            assertEquals(501, e.httpStatus());
            assertTrue(e.getMessage().contains("Phaseo has disabled its video API for now"), e.getMessage());
            assertNoKey(e);
        }
        assertTrue(client.listReportsLiveStatus());
    }

    @Test
    void disabledFaultOnAnEnabledSimulatorIsAlsoProviderDisabled() {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.faults().on(Fault.DISABLED);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).fetchTask("v0"));

        assertEquals(ProviderErrorKind.PROVIDER_DISABLED, e.kind());
        assertTrue(e.getMessage().contains("Phaseo has disabled its video API for now"), e.getMessage());
    }

    @Test
    void firstPageOfTheWrongShapeIsABadResponse() {
        SimServer odd = new SimServer(clock, "") {
            @Override
            protected dev.reelwatch.sim.SimResponse handle(SimRequest request) {
                return dev.reelwatch.sim.SimResponse.json(200, "{\"object\":\"list\",\"data\":{\"id\":\"v0\"}}");
            }
        };
        servers.add(odd);
        odd.start();

        ProviderException e = assertThrows(ProviderException.class,
                () -> new PhaseoClient(account(odd.baseUrl()), KEY, transport).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.BAD_RESPONSE, e.kind());
        assertNoKey(e);
    }

    @Test
    void listsNewestFirstThroughMoreThanTwoPagesWithTheAfterCursor() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(7), true);
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(3), pages::add);

        assertEquals(3, outcome.pages());
        assertEquals(7, outcome.tasksListed());
        assertTrue(outcome.complete());
        assertTrue(outcome.problems().isEmpty(), outcome.problems().toString());
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6"),
                pages.stream().flatMap(p -> p.tasks().stream()).map(Task::providerTaskId).toList());
        assertEquals(3, sim.requestCount("list"));
        SimRequest last = sim.lastRequest("list").orElseThrow();
        assertEquals(List.of("v5"), last.params("after"));
        assertEquals(List.of("3"), last.params("limit"));
    }

    @Test
    void pageSizeIsClampedToPhaseosLimitRange() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(2), true);

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(500), p -> { });

        assertEquals(2, outcome.tasksListed());
        assertEquals(List.of("200"), sim.lastRequest("list").orElseThrow().params("limit"));
    }

    @Test
    void statusFilterIsSentAsRepeatedParameters() throws Exception {
        List<SimTask> tasks = new ArrayList<>(finishedTasks(2));
        tasks.add(task("failing", NOW.minusSeconds(900), Duration.ofSeconds(5), Duration.ofSeconds(20), SimOutcome.FAILED));
        tasks.add(task("waiting", NOW.minusSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(20), SimOutcome.SUCCEEDED));
        PhaseoSimulator sim = start(tasks, true);
        Map<String, Task> byId = new LinkedHashMap<>();

        ListOutcome outcome = client(sim).listTasks(new ListQuery(null, Set.of(TaskStatus.FAILED, TaskStatus.QUEUED),
                Set.of(), 50), p -> p.tasks().forEach(t -> byId.put(t.providerTaskId(), t)));

        assertEquals(List.of("failed", "queued"), sim.lastRequest("list").orElseThrow().params("status"));
        assertEquals(Set.of("failing", "waiting"), byId.keySet());
        assertFalse(outcome.complete());
    }

    @Test
    void whenTheAfterCursorIsRefusedTheListingStopsIncompleteKeepingWhatWasListed() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(5), true);
        sim.setAfterCursorSupported(false);
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(2), pages::add);

        assertFalse(outcome.complete());
        assertEquals(1, outcome.pages());
        assertEquals(2, outcome.tasksListed());
        assertEquals(2, pages.get(0).tasks().size());
        assertTrue(outcome.problems().get(0).contains("incomplete"), outcome.problems().toString());
    }

    @Test
    void mapsEveryStatusIncludingBothDocVersionsNames() throws Exception {
        List<SimTask> tasks = new ArrayList<>();
        for (SimOutcome outcome : SimOutcome.values()) {
            tasks.add(task(outcome.name().toLowerCase(), NOW.minusSeconds(600), Duration.ofSeconds(5),
                    Duration.ofSeconds(20), outcome));
        }
        tasks.add(task("running", NOW.minusSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        tasks.add(task("queued", NOW.minusSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        tasks.add(task("legacy-pending", NOW.minusSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        tasks.add(task("legacy-processing", NOW.minusSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(100), SimOutcome.SUCCEEDED));
        PhaseoSimulator sim = start(tasks, true);
        sim.alterTask("legacy-pending", o -> o.put("status", "pending"));
        sim.alterTask("legacy-processing", o -> o.put("status", "processing"));

        Map<String, Task> byId = listAll(client(sim));

        assertEquals(EnumSet.allOf(TaskStatus.class), byId.values().stream().map(Task::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskStatus.class))));
        assertEquals(TaskStatus.QUEUED, byId.get("legacy-pending").status());
        assertEquals("pending", byId.get("legacy-pending").providerStatus());
        assertEquals(TaskStatus.RUNNING, byId.get("legacy-processing").status());
        assertEquals(Duration.ofSeconds(20), byId.get("running").pollAfter());
        assertEquals(8, byId.get("running").progress());
        assertEquals("content_policy_violation", byId.get("failed").error().code());
        assertEquals("The prompt was flagged by the provider's safety system.", byId.get("failed").error().message());
    }

    @Test
    void completedVideoHasSignedOutputsWhoseBytesMatchTheAssetAndWhichDieAfterExpiry() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(1), true);

        Task task = client(sim).fetchTask("v0");

        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertEquals(Cost.money(new BigDecimal("0.1800"), "USD"), task.cost());
        assertEquals(NOW.minusSeconds(3600).plusSeconds(35), task.completedAt());
        assertEquals("1280x720", task.resolution());
        assertEquals(Duration.ofSeconds(5), task.duration());
        TaskOutput out = task.outputs().get(0);
        assertFalse(out.requiresAuth());
        assertNotNull(out.expiresAt());
        assertTrue(out.expiresAt().isAfter(NOW));
        assertTrue(client(sim).downloadHeaders(out).isEmpty(), "signed links never get the key");
        HttpResponse<byte[]> download = get(out.url(), Map.of());
        assertEquals(200, download.statusCode());
        assertArrayEquals(sim.outputBytes("v0", 0), download.body());
        assertEquals(out.bytes().longValue(), download.body().length);
        assertEquals(out.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())));
        HttpResponse<byte[]> part = get(out.url(), Map.of("Range", "bytes=0-9"));
        assertEquals(206, part.statusCode());
        assertEquals(10, part.body().length);

        clock.set(out.expiresAt());

        HttpResponse<byte[]> expired = get(out.url(), Map.of());
        assertEquals(403, expired.statusCode());
        assertTrue(new String(expired.body()).contains("expired"));
        assertTrue(sim.requestCount("file") >= 3);
    }

    @Test
    void severalOutputsBecomeSeveralTaskOutputs() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.setOutputCount("v0", 2);

        Task task = client(sim).fetchTask("v0");

        assertEquals(2, task.outputs().size());
        assertNotEquals(task.outputs().get(0).url(), task.outputs().get(1).url());
        assertEquals(1, task.outputs().get(1).index());
        assertArrayEquals(sim.outputBytes("v0", 1), get(task.outputs().get(1).url(), Map.of()).body());
    }

    @Test
    void contentUrlOnlyOutputsNeedTheKeyWhichGoesOnlyToTheAccountsOwnHost() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.alterTask("v0", o -> {
            o.remove("download_url");
            o.withArray("outputs").forEach(x -> ((com.fasterxml.jackson.databind.node.ObjectNode) x).remove("download_url"));
        });
        PhaseoClient client = client(sim);

        TaskOutput out = client.fetchTask("v0").outputs().get(0);

        assertTrue(out.requiresAuth());
        Map<String, String> headers = client.downloadHeaders(out);
        assertEquals(Map.of("Authorization", "Bearer " + KEY), headers);
        assertEquals(401, get(out.url(), Map.of()).statusCode());
        HttpResponse<byte[]> withKey = get(out.url(), headers);
        assertEquals(200, withKey.statusCode());
        assertArrayEquals(sim.outputBytes("v0", 0), withKey.body());
        assertEquals(2, sim.requestCount("content"));

        URI own = URI.create(out.url());
        TaskOutput otherHost = withUrl(out, "http://localhost:" + own.getPort() + own.getPath());
        TaskOutput otherPort = withUrl(out, "http://127.0.0.1:" + (own.getPort() == 1 ? 2 : own.getPort() - 1) + own.getPath());
        TaskOutput otherScheme = withUrl(out, "https://127.0.0.1:" + own.getPort() + own.getPath());
        assertTrue(client.downloadHeaders(otherHost).isEmpty());
        assertTrue(client.downloadHeaders(otherPort).isEmpty());
        assertTrue(client.downloadHeaders(otherScheme).isEmpty());
        assertTrue(new PhaseoClient(account(sim.baseUrl()), null, transport).downloadHeaders(out).isEmpty());
    }

    @Test
    void duplicateIdsAcrossPagesAndItemsWithoutIdAreReportedNotFatal() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(6), true);
        sim.alterTask("v3", o -> o.put("id", "v0"));
        sim.alterTask("v4", o -> o.putNull("id"));
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client(sim).listTasks(ListQuery.all().withPageSize(3), pages::add);

        assertEquals(4, outcome.tasksListed());
        assertTrue(pages.get(1).problems().stream().anyMatch(p -> p.contains("v0") && p.contains("twice")));
        assertTrue(pages.get(1).problems().stream().anyMatch(p -> p.contains("without an id")));
        assertTrue(outcome.complete(), "every page was read");
    }

    @Test
    void unknownFieldsUnknownStatusesAndUnicodePromptsAreKept() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.setIncludePrompt(true);
        sim.alterTask("v0", o -> {
            o.put("status", "upscaling");
            o.put("safety_rating", "G");
        });

        Task task = client(sim).fetchTask("v0");

        assertEquals(TaskStatus.SUCCEEDED, task.status(), "unknown status, but finished with outputs");
        assertEquals("upscaling", task.providerStatus());
        assertEquals("東京の夜、雨に濡れた路地を歩く猫 🐈 ネオンの反射", task.prompt());
        assertEquals("G", task.parameters().get("safety_rating"));
    }

    @Test
    void baseUrlWithAPathPrefixAndTrailingSlashWorks() throws Exception {
        PhaseoSimulator sim = new PhaseoSimulator(clock, KEY, finishedTasks(3), "/edge/phaseo");
        sim.setVideoApiEnabled(true);
        servers.add(sim);
        sim.start();
        PhaseoClient client = new PhaseoClient(account(URI.create(sim.baseUrl() + "/")), KEY, transport);

        ListOutcome outcome = client.listTasks(ListQuery.all().withPageSize(2), p -> { });
        Task one = client.fetchTask("v1");

        assertEquals(3, outcome.tasksListed());
        assertEquals(2, outcome.pages());
        assertTrue(one.outputs().get(0).url().startsWith(sim.baseUrl() + "/files/"));
        assertEquals(200, get(one.outputs().get(0).url(), Map.of()).statusCode());
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        PhaseoClient wrong = new PhaseoClient(account(sim.baseUrl()), "phs_live_wrong-0000", transport);

        ProviderException e = assertThrows(ProviderException.class, () -> wrong.listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.AUTHENTICATION, e.kind());
        assertFalse(e.getMessage().contains("phs_live_wrong-0000"));
        assertNoKey(e);
    }

    @Test
    void unknownVideoIsNotFound() {
        PhaseoSimulator sim = start(finishedTasks(1), true);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).fetchTask("nope"));

        assertEquals(ProviderErrorKind.NOT_FOUND, e.kind());
        assertNoKey(e);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.faults().on(Fault.RATE_LIMIT).retryAfterSeconds(11);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).fetchTask("v0"));

        assertEquals(ProviderErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(11), e.retryAfter().orElseThrow());
        assertNoKey(e);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "UNAVAILABLE"})
    void htmlErrorPagesAreUpstreamTrouble(Fault fault) {
        PhaseoSimulator sim = start(finishedTasks(1), true);
        sim.faults().on(fault);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.UPSTREAM, e.kind());
        assertNoKey(e);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"MALFORMED_JSON", "TRUNCATED_JSON"})
    void unreadableAnswersAreBadResponses(Fault fault) {
        PhaseoSimulator sim = start(finishedTasks(2), true);
        sim.faults().on(fault);

        ProviderException e = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.BAD_RESPONSE, e.kind());
        assertNoKey(e);
    }

    @Test
    void anUnreadableFollowUpPageEndsTheListingIncompleteInsteadOfFailing() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(4), true);
        PhaseoClient client = client(sim);
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome first = client.listTasks(ListQuery.all().withPageSize(2), page -> {
            pages.add(page);
            sim.faults().on(Fault.MALFORMED_JSON).times(1);
        });

        assertEquals(1, first.pages());
        assertFalse(first.complete());
        assertEquals(2, pages.get(0).tasks().size());
    }

    @Test
    void cutConnectionAndTimeoutAreNetworkErrors() {
        PhaseoSimulator sim = start(finishedTasks(3), true);
        sim.faults().on(Fault.CONNECTION_RESET);
        ProviderException cut = assertThrows(ProviderException.class, () -> client(sim).listTasks(ListQuery.all(), p -> { }));
        sim.faults().clear().on(Fault.LATENCY).latency(Duration.ofMillis(800));
        HttpTransport impatient = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(1)), "Reelwatch-test",
                Duration.ofMillis(200), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
        ProviderException slow = assertThrows(ProviderException.class,
                () -> new PhaseoClient(account(sim.baseUrl()), KEY, impatient).fetchTask("v0"));

        assertEquals(ProviderErrorKind.NETWORK, cut.kind());
        assertEquals(ProviderErrorKind.NETWORK, slow.kind());
        assertNoKey(cut);
        assertNoKey(slow);
    }

    @Test
    void simulatorRejectsALimitOutOfRangeWithAFastApiDetailList() {
        PhaseoSimulator sim = start(finishedTasks(1), true);

        ProviderException e = assertThrows(ProviderException.class, () -> transport.getJson(
                new RequestContext(ProviderKind.PHASEO, "studio"), URI.create(sim.baseUrl() + "/v1/videos?limit=500&status=done"),
                Map.of("Authorization", "Bearer " + KEY)));

        assertEquals(ProviderErrorKind.VALIDATION, e.kind());
        assertEquals(422, e.httpStatus());
        assertTrue(e.details().contains("query.limit: Input should be less than or equal to 200"), e.details().toString());
        assertTrue(e.details().stream().anyMatch(d -> d.startsWith("query.status: ")), e.details().toString());
    }

    @Test
    void simulatorAnswers501WithAJsonErrorBodyAndChecksTheKeyFirst() throws Exception {
        PhaseoSimulator sim = start(finishedTasks(1), false);

        HttpResponse<byte[]> disabled = get(sim.baseUrl() + "/v1/videos", Map.of("Authorization", "Bearer " + KEY));
        HttpResponse<byte[]> wrongKey = get(sim.baseUrl() + "/v1/videos/v0", Map.of("Authorization", "Bearer x"));

        assertEquals(501, disabled.statusCode());
        assertTrue(new String(disabled.body()).contains("\"code\":\"not_implemented\""));
        assertEquals(401, wrongKey.statusCode());
        assertEquals("{\"detail\":\"Invalid API key\"}", new String(wrongKey.body()));
    }

    private HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static TaskOutput withUrl(TaskOutput o, String url) {
        return new TaskOutput(o.index(), url, OutputKind.VIDEO, o.expiresAt(), o.bytes(), o.sha256(), o.mimeType(),
                o.requiresAuth());
    }

    private static void assertNoKey(ProviderException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(KEY), "key leaked into: " + t.getMessage());
        }
        assertTrue(e.getMessage().startsWith("Phaseo account 'studio'"), e.getMessage());
    }

    private static Map<String, Task> listAll(PhaseoClient client) throws ProviderException {
        Map<String, Task> byId = new LinkedHashMap<>();
        client.listTasks(ListQuery.all(), p -> p.tasks().forEach(t -> byId.put(t.providerTaskId(), t)));
        return byId;
    }

    private PhaseoSimulator start(List<SimTask> tasks, boolean enabled) {
        PhaseoSimulator sim = new PhaseoSimulator(clock, KEY, tasks);
        sim.setVideoApiEnabled(enabled);
        servers.add(sim);
        sim.start();
        return sim;
    }

    private PhaseoClient client(PhaseoSimulator sim) {
        return new PhaseoClient(account(sim.baseUrl()), KEY, transport);
    }

    private static Account account(URI base) {
        return new Account(12, ProviderKind.PHASEO, "studio", base, CredentialRef.environment("PHASEO_KEY"), true, false);
    }

    /** Succeeded videos v0 (newest) … v{n-1} (oldest). */
    private static List<SimTask> finishedTasks(int n) {
        List<SimTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task("v" + i, NOW.minusSeconds(3600 + i * 60L), Duration.ofSeconds(5), Duration.ofSeconds(30),
                    SimOutcome.SUCCEEDED));
        }
        return tasks;
    }

    private static SimTask task(String id, Instant created, Duration queued, Duration run, SimOutcome outcome) {
        boolean failed = outcome == SimOutcome.FAILED;
        return new SimTask(id, "東京の夜、雨に濡れた路地を歩く猫 🐈 ネオンの反射", "openai/sora-2", created, queued, run, outcome,
                "testcard", failed ? "content_policy_violation" : null,
                failed ? "The prompt was flagged by the provider's safety system." : null, 7, "1280x720", "16:9", 5, 24, 1800);
    }
}
