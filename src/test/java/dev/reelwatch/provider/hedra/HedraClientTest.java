package dev.reelwatch.provider.hedra;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HedraClient against the Hedra simulator over real loopback HTTP. */
class HedraClientTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String KEY = "hedra-sk-live-5b1e77c2";
    private final AdjustableClock clock = new AdjustableClock(T0);
    private final DemoClips clips = new DemoClips();
    private HedraSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static SimTask task(String id, String prompt, Instant created, SimOutcome outcome, int n) {
        boolean failed = outcome == SimOutcome.FAILED;
        return new SimTask(id, prompt, "d1dd37a3-e39a-4854-a298-6510289f9cf2", created, Duration.ofSeconds(9),
                Duration.ofSeconds(20), outcome, DemoClips.NAMES.get(n % DemoClips.NAMES.size()),
                failed ? "OutputVideoSensitiveContentDetected" : null,
                failed ? "The generated video may contain sensitive content." : null, 7 + n, "1280x720", "16:9", 5,
                24, 31 + n);
    }

    private static List<SimTask> finished(int count) {
        return IntStream.range(0, count).mapToObj(i -> task("gen-" + i, "Talking portrait " + i,
                T0.minus(Duration.ofHours(2)).plusSeconds(60L * i), i % 4 == 3 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED,
                i)).toList();
    }

    private HttpTransport transport(Duration timeout) {
        return new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test", timeout,
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
    }

    private HedraClient client(URI base, String key, Duration timeout) {
        Account account = new Account(9, ProviderKind.HEDRA, "avatars", base, CredentialRef.credentialsFile("avatars"),
                true, false);
        return new HedraClient(account, key, transport(timeout));
    }

    private HedraClient client() {
        return client(sim.baseUrl(), KEY, Duration.ofSeconds(5));
    }

    private static Map<String, Task> listAll(HedraClient client, List<TaskPage> pages, int pageSize)
            throws ProviderException {
        client.listTasks(ListQuery.all().withPageSize(pageSize), pages::add);
        return pages.stream().flatMap(p -> p.tasks().stream())
                .collect(Collectors.toMap(Task::providerTaskId, Function.identity()));
    }

    private HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return transport(Duration.ofSeconds(5)).client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listsOnlyVideoGenerationsThroughMoreThanTwoPages() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(12)).start();
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(ListQuery.all().withPageSize(5), pages::add);

        assertEquals(3, outcome.pages());
        assertEquals(3, sim.requestCount("list"));
        assertEquals(12, outcome.tasksListed());
        assertTrue(outcome.complete());
        Set<String> ids = pages.stream().flatMap(p -> p.tasks().stream()).map(Task::providerTaskId)
                .collect(Collectors.toSet());
        assertEquals(finished(12).stream().map(SimTask::id).collect(Collectors.toSet()), ids);
        assertFalse(sim.imageGenerationIds().isEmpty(), "the account also holds image generations");
        assertTrue(Collections.disjoint(ids, sim.imageGenerationIds()));
        assertEquals(List.of(5, 5, 2), pages.stream().map(p -> p.tasks().size()).toList());
        assertEquals("gen-11", pages.get(0).tasks().get(0).providerTaskId(), "newest first");
    }

    @Test
    void aListEndingExactlyOnTheLimitIsConfirmedByAnEmptyPage() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(10)).start();

        ListOutcome outcome = client().listTasks(ListQuery.all().withPageSize(5), page -> { });

        assertEquals(3, outcome.pages());
        assertEquals(10, outcome.tasksListed());
        assertTrue(outcome.complete());
    }

    @Test
    void createdAfterIsSentSoOnlyNewerGenerationsComeBack() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(10)).start();
        Instant since = T0.minus(Duration.ofHours(2)).plusSeconds(60L * 6);
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(ListQuery.all().createdSince(since).withPageSize(3), pages::add);

        assertEquals(Set.of("gen-6", "gen-7", "gen-8", "gen-9"), pages.stream().flatMap(p -> p.tasks().stream())
                .map(Task::providerTaskId).collect(Collectors.toSet()));
        assertFalse(outcome.complete(), "a filtered listing says nothing about forgotten tasks");
    }

    @Test
    void generationsMoveThroughEveryStatusAsTimePasses() throws Exception {
        sim = new HedraSimulator(clock, KEY, List.of(task("ok", "A talking cat", T0, SimOutcome.SUCCEEDED, 2),
                task("bad", "A scary face", T0, SimOutcome.FAILED, 1))).start();
        HedraClient client = client();
        record Step(int seconds, String raw, TaskStatus status, Integer progress) { }
        List<Step> steps = List.of(new Step(1, "pending", TaskStatus.QUEUED, 0),
                new Step(5, "queued", TaskStatus.QUEUED, 0),
                new Step(15, "processing", TaskStatus.RUNNING, 30),
                new Step(28, "finalizing", TaskStatus.RUNNING, 95),
                new Step(30, "complete", TaskStatus.SUCCEEDED, 100));
        for (Step step : steps) {
            clock.set(T0.plusSeconds(step.seconds()));
            Task listed = listAll(client, new ArrayList<>(), 50).get("ok");
            Task fetched = client.fetchTask("ok");
            for (Task t : List.of(listed, fetched)) {
                assertEquals(step.raw(), t.providerStatus(), "at +" + step.seconds() + " s");
                assertEquals(step.status(), t.status());
                assertEquals(step.progress(), t.progress());
                assertEquals("A talking cat", t.prompt());
                assertEquals(T0, t.createdAt());
            }
        }
        Task done = client.fetchTask("ok");
        assertEquals(OutputKind.VIDEO, done.primaryVideo().orElseThrow().kind());
        assertTrue(done.thumbnailUrl().endsWith("/dev/reelwatch/sim/clips/" + DemoClips.NAMES.get(2) + ".jpg"));
        assertEquals("1280x720", done.resolution());
        assertEquals("16:9", done.aspectRatio());
        assertEquals(Duration.ofSeconds(5), done.duration());
        assertEquals("d1dd37a3-e39a-4854-a298-6510289f9cf2", done.model());
        assertEquals(CostUnit.CREDITS, done.cost().unit());
        assertNull(done.error());
        assertNotNull(done.parameters().get("status.streaming_url"));

        Task failed = client.fetchTask("bad");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("error", failed.providerStatus());
        assertEquals("CONTENT_MODERATION", failed.error().code());
        assertEquals("The generated video may contain sensitive content.", failed.error().message());
        assertTrue(failed.outputs().isEmpty());
    }

    @Test
    void fetchingOneGenerationAsksItsStatusAndItsFullRecord() throws Exception {
        sim = new HedraSimulator(clock, KEY, List.of(task("run", "Ein Fuchs läuft", T0.minusSeconds(19),
                SimOutcome.SUCCEEDED, 0))).start();
        sim.resetCounts();

        Task t = client().fetchTask("run");

        assertEquals(1, sim.requestCount("get"));
        assertEquals(1, sim.requestCount("list"));
        assertEquals(TaskStatus.RUNNING, t.status());
        assertEquals(50, t.progress());
        assertEquals(10, t.etaSeconds());
        assertEquals("Ein Fuchs läuft", t.prompt());
        assertEquals("ws_7f3c2a1e-demo", t.parameters().get("status.workspace_id"));
        assertTrue(t.rawJson().contains("\"generated_video_inputs\""), t.rawJson());
    }

    @Test
    void anUnknownGenerationIsNotFound() {
        sim = new HedraSimulator(clock, KEY, finished(2)).start();

        ProviderException e = assertThrows(ProviderException.class, () -> client().fetchTask("nope"));

        assertEquals(ProviderErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("Generation not found"), e.getMessage());
    }

    @Test
    void aWrongOrMissingKeyIsAnAuthenticationFailureThatNeverShowsTheKey() {
        sim = new HedraSimulator(clock, KEY, finished(2)).start();
        String wrong = "hedra-sk-WRONG-0000";

        ProviderException bad = assertThrows(ProviderException.class,
                () -> client(sim.baseUrl(), wrong, Duration.ofSeconds(5)).listTasks(ListQuery.all(), p -> { }));
        ProviderException none = assertThrows(ProviderException.class,
                () -> client(sim.baseUrl(), null, Duration.ofSeconds(5)).fetchTask("gen-0"));

        assertEquals(ProviderErrorKind.AUTHENTICATION, bad.kind());
        assertEquals(401, bad.httpStatus());
        assertTrue(bad.getMessage().contains("Invalid API key"), bad.getMessage());
        assertFalse(bad.getMessage().contains(wrong));
        assertFalse(bad.getMessage().contains(KEY));
        assertEquals(ProviderErrorKind.AUTHENTICATION, none.kind());
    }

    @Test
    void aPageSizeTheApiRefusesIsAValidationErrorWithFastApiDetails() {
        sim = new HedraSimulator(clock, KEY, finished(2)).start();

        ProviderException e = assertThrows(ProviderException.class, () -> client().listTasks(
                ListQuery.all().withPageSize(HedraSimulator.MAX_LIMIT + 1), p -> { }));

        assertEquals(ProviderErrorKind.VALIDATION, e.kind());
        assertEquals(List.of("query.limit: Input should be less than or equal to 100"), e.details());
    }

    @Test
    void unknownStatusesAndFieldsAreKeptRaw() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(3)).start();
        sim.setStatusOverride("gen-1", "upscaling");
        sim.addUnknownField("watermark", "{\"applied\":true,\"position\":\"bottom-right\"}");

        Task listed = listAll(client(), new ArrayList<>(), 50).get("gen-1");
        Task fetched = client().fetchTask("gen-1");

        for (Task t : List.of(listed, fetched)) {
            assertEquals(TaskStatus.RUNNING, t.status());
            assertEquals("upscaling", t.providerStatus());
            assertEquals("true", t.parameters().get("watermark.applied"));
            assertTrue(t.rawJson().contains("bottom-right"));
        }
        assertEquals("bottom-right", fetched.parameters().get("status.watermark.position"));
    }

    @Test
    void unicodePromptsSurviveTheRoundTrip() throws Exception {
        String prompt = "東京の夜、雨に濡れた路地を歩く猫 🐈\nقارب صغير يبحر";
        sim = new HedraSimulator(clock, KEY, List.of(task("u", prompt, T0.minusSeconds(90), SimOutcome.SUCCEEDED,
                0))).start();

        assertEquals(prompt, listAll(client(), new ArrayList<>(), 50).get("u").prompt());
        assertEquals(prompt, client().fetchTask("u").prompt());
    }

    @Test
    void aBaseUrlWithAProxyPrefixWorksAndServedAssetsAreTheExactClipAndThumbnail() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(3), "/gw/hedra").start();
        HedraClient client = client(URI.create(sim.baseUrl() + "/"), KEY, Duration.ofSeconds(5));

        Task listed = listAll(client, new ArrayList<>(), 2).get("gen-2");
        Task fetched = client.fetchTask("gen-2");

        assertEquals(listed.outputs(), fetched.outputs());
        String url = listed.primaryVideo().orElseThrow().url();
        byte[] clip = clips.bytes(DemoClips.NAMES.get(2));
        HttpResponse<byte[]> whole = get(url, Map.of());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(clip, whole.body());
        HttpResponse<byte[]> part = get(url, Map.of("Range", "bytes=-64"));
        assertEquals(206, part.statusCode());
        assertEquals(64, part.body().length);
        assertEquals(clip[clip.length - 1], part.body()[63]);
        byte[] jpg;
        try (InputStream in = getClass().getResourceAsStream("/dev/reelwatch/sim/clips/" + DemoClips.NAMES.get(2)
                + ".jpg")) {
            jpg = in.readAllBytes();
        }
        assertArrayEquals(jpg, get(listed.thumbnailUrl(), Map.of()).body());
        assertEquals(3, sim.requestCount("file"));
    }

    @Test
    void duplicateAndIdlessGenerationsAreReportedWithoutFailingTheListing() throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(4)).start();
        sim.addRawGeneration("{\"id\":\"gen-0\",\"status\":\"complete\",\"progress\":1}");
        sim.addRawGeneration("{\"status\":\"complete\",\"progress\":1}");
        List<TaskPage> pages = new ArrayList<>();

        ListOutcome outcome = client().listTasks(ListQuery.all().withPageSize(2), pages::add);

        assertEquals(4, outcome.tasksListed());
        assertEquals(4, outcome.pages());
        assertEquals(2, outcome.problems().size(), outcome.problems().toString());
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("gen-0") && p.contains("twice")));
        assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("without an id")));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RATE_LIMIT", "SERVER_ERROR", "BAD_GATEWAY", "UNAVAILABLE", "DISABLED",
            "MALFORMED_JSON", "TRUNCATED_JSON", "CONNECTION_RESET"})
    void everyFaultBecomesItsErrorKindWithoutTheKeyAndTheNextCallRecovers(Fault fault) throws Exception {
        sim = new HedraSimulator(clock, KEY, finished(3)).start();
        HedraClient client = client();
        sim.faults().retryAfterSeconds(11).on(fault).times(1);

        ProviderException e = assertThrows(ProviderException.class, () -> client.fetchTask("gen-0"));

        ProviderErrorKind expected = switch (fault) {
            case RATE_LIMIT -> ProviderErrorKind.RATE_LIMITED;
            case SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE -> ProviderErrorKind.UPSTREAM;
            case DISABLED -> ProviderErrorKind.PROVIDER_DISABLED;
            case MALFORMED_JSON, TRUNCATED_JSON -> ProviderErrorKind.BAD_RESPONSE;
            default -> ProviderErrorKind.NETWORK;
        };
        assertEquals(expected, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertTrue(e.getMessage().contains("Hedra account 'avatars'"), e.getMessage());
        if (fault == Fault.RATE_LIMIT) {
            assertEquals(Duration.ofSeconds(11), e.retryAfter().orElseThrow());
        }
        assertEquals(TaskStatus.SUCCEEDED, client.fetchTask("gen-0").status());
    }

    @Test
    void aServerSlowerThanTheRequestTimeoutIsANetworkError() {
        sim = new HedraSimulator(clock, KEY, finished(1)).start();
        sim.faults().latency(Duration.ofMillis(1500)).on(Fault.LATENCY);

        ProviderException e = assertThrows(ProviderException.class,
                () -> client(sim.baseUrl(), KEY, Duration.ofMillis(150)).listTasks(ListQuery.all(), p -> { }));

        assertEquals(ProviderErrorKind.NETWORK, e.kind());
        assertFalse(e.getMessage().contains(KEY));
    }
}
