package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskEvent;
import dev.reelwatch.sync.ClientFactory;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.sync.TaskWaiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch wait}: its contract of output and exit codes, against the simulators over real SQLite. */
class WaitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-wait";
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    CliHarness cli;
    final HttpClient http = HttpTransport.newHttpClient(Duration.ofSeconds(2));
    final Map<String, String> keys = new HashMap<>();
    final List<SimServer> sims = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
    }

    @AfterEach
    void tearDown() {
        sims.forEach(SimServer::close);
    }

    private SimTask sim(String id, SimOutcome outcome, Duration runFor) {
        Instant now = cli.clock.instant();
        return new SimTask(id, "Paper boats on a rainy street", "seedance-1-0-pro", now.minusSeconds(1),
                Duration.ofSeconds(4), runFor, outcome, "aurora", outcome == SimOutcome.FAILED ? "content_policy" : null,
                outcome == SimOutcome.FAILED ? "The prompt was refused" : null, 1, "1280x720", "16:9", 3, 24, 10);
    }

    /** Starts a simulator of the kind holding {@code task} and adds an account "acc" for it. */
    private SimServer serve(ProviderKind kind, SimTask task) {
        SimServer server = switch (kind) {
            case MESHAPI -> {
                MeshApiSimulator m = new MeshApiSimulator(cli.clock, KEY, List.of(task));
                m.setIncludePrompt(true);
                yield m;
            }
            case PHASEO -> {
                PhaseoSimulator p = new PhaseoSimulator(cli.clock, KEY, List.of(task));
                p.setVideoApiEnabled(true);
                yield p;
            }
            case MONEYPRINTERTURBO -> new MoneyPrinterSimulator(cli.clock, List.of(task));
            case HEDRA -> new HedraSimulator(cli.clock, KEY, List.of(task));
        };
        sims.add(server.start());
        addAccount(kind, "acc", server.baseUrl(), KEY);
        return server;
    }

    private void addAccount(ProviderKind kind, String name, URI url, String key) {
        List<String> args = new ArrayList<>(List.of("accounts", "add", "--provider", kind.cliName(), "--name", name,
                "--base-url", url.toString()));
        if (kind.needsApiKey()) {
            args.add("--api-key-stdin");
            keys.put(name, key);
        }
        CliHarness.Result r = cli.runWithInput(key + "\n", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
    }

    private ClientFactory clients() {
        ProviderClients clients = new ProviderClients(new HttpTransport(http, "Reelwatch/test", Duration.ofSeconds(5),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, cli.clock));
        return account -> clients.create(account, keys.get(account.name()));
    }

    private OutputArchiver archiver(CliServices s) {
        return new OutputArchiver(s.tasks(), s.accounts(), s.settings(), clients(),
                new FileDownloader(http, "Reelwatch/test", Duration.ofSeconds(5), DiskSpace.system(), cli.clock),
                new VideoArchive(s.dataDir()), new ArchiveOptions(2, 2, Duration.ofMillis(10), Duration.ofSeconds(1)));
    }

    /** The sleeper moves the simulated clock instead of waiting, so a five-minute wait takes milliseconds. */
    private Consumer<CommandLine> withWait() {
        return cl -> {
            CliContext ctx = ReelwatchCommand.context(cl);
            cl.addSubcommand(new WaitCommand(ctx, s -> new TaskWaiter(s.tasks(), s.settings(), clients(), cli.clock,
                    d -> cli.clock.advance(d.isNegative() ? Duration.ZERO : d), SyncSettings.defaults()),
                    this::archiver));
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
        };
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", cli.dataDir.toString()));
        all.addAll(List.of(args));
        return assertTimeoutPreemptively(GUARD, () -> cli.runRaw("", withWait(), all.toArray(String[]::new)));
    }

    private StoredTask cached(String id) {
        return cli.withServices(s -> s.tasks().find(s.accounts().byName("acc").orElseThrow().id(), id).orElseThrow());
    }

    private static List<JsonNode> ndjson(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void fetchesATaskNotYetCachedByIdAndWaitsUntilItSucceeds(ProviderKind kind) {
        String id = kind == ProviderKind.HEDRA ? "3c90c3cc-0d44-4b50-8888-8dd25736052a" : "task-" + kind.cliName();
        serve(kind, sim(id, SimOutcome.SUCCEEDED, Duration.ofSeconds(40)));

        CliHarness.Result r = run("wait", id, "--account", "acc");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 2, r::toString);
        assertTrue(lines.get(0).startsWith("acc " + id + " "), r::toString);
        assertTrue(lines.get(0).contains("queued") || lines.get(0).contains("running"), r::toString);
        assertTrue(lines.get(lines.size() - 1).startsWith("acc " + id + " succeeded"), r::toString);
        StoredTask stored = cached(id);
        assertEquals(TaskStatus.SUCCEEDED, stored.task().status());
        List<TaskEvent> timeline = cli.withServices(s -> s.tasks().timeline(stored.id()));
        assertEquals(null, timeline.get(0).from(), "stored like a sync: first sighting, then each change");
        assertEquals(TaskStatus.SUCCEEDED, timeline.get(timeline.size() - 1).to());
    }

    @Test
    void runningLinesShowProgressAndTimeLeft() {
        String id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
        serve(ProviderKind.HEDRA, sim(id, SimOutcome.SUCCEEDED, Duration.ofMinutes(5)));
        cli.clock.advance(Duration.ofSeconds(30));

        CliHarness.Result r = run("wait", id, "--account", "acc");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("acc " + id
                + " running \\d+ % · about \\d+ (s|min) left")), r::toString);
    }

    @Test
    void exitsFourWhenATaskEndsFailed() {
        serve(ProviderKind.MESHAPI, sim("cgt-bad", SimOutcome.FAILED, Duration.ofSeconds(20)));

        CliHarness.Result r = run("wait", "cgt-bad", "--account", "acc");

        assertEquals(WaitCommand.UNSUCCESSFUL, r.exitCode(), r::toString);
        String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("acc cgt-bad failed"), r::toString);
        assertFalse(last.contains("%"), "a failed task shows no progress: " + last);
    }

    @Test
    void exitsThreeWhenTheTimeoutPassesWithTasksUnfinished() throws Exception {
        serve(ProviderKind.MESHAPI, sim("cgt-slow", SimOutcome.SUCCEEDED, Duration.ofHours(2)));
        Instant start = cli.clock.instant();

        CliHarness.Result r = run("wait", "cgt-slow", "--account", "acc", "--timeout", "90s", "--json");

        assertEquals(WaitCommand.TIMED_OUT, r.exitCode(), r::toString);
        List<JsonNode> events = ndjson(r.out());
        JsonNode done = events.get(events.size() - 1);
        assertEquals("done", done.get("event").asText());
        assertEquals(0, done.get("succeeded").asInt());
        assertEquals(1, done.get("unfinished").asInt());
        Duration waited = Duration.between(start, cli.clock.instant());
        assertTrue(waited.compareTo(Duration.ofSeconds(90)) >= 0 && waited.compareTo(Duration.ofSeconds(100)) < 0,
                "stopped at the timeout, measured on the clock: " + waited);
    }

    @Test
    void ndjsonHasTheTasksShapePlusAnEventPerChangeAndADoneLine() throws Exception {
        serve(ProviderKind.MESHAPI, sim("cgt-7", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));

        CliHarness.Result r = run("wait", "cgt-7", "--account", "acc", "--json");

        assertEquals(0, r.exitCode(), r::toString);
        List<JsonNode> events = ndjson(r.out());
        assertEquals("seen", events.get(0).get("event").asText(), r::toString);
        JsonNode finished = events.get(events.size() - 2);
        assertEquals("finished", finished.get("event").asText(), r::toString);
        assertEquals("succeeded", finished.get("status").asText());
        assertEquals("cgt-7", finished.get("id").asText());
        for (String field : List.of("account", "provider", "local_id", "provider_status", "progress", "video_url",
                "outputs", "tags")) {
            assertTrue(finished.has(field), () -> "tasks --json field " + field + " in " + finished);
        }
        assertEquals(JSON.readTree("{\"event\":\"done\",\"succeeded\":1,\"unsuccessful\":0,\"unfinished\":0}"),
                events.get(events.size() - 1));
        for (int i = 1; i < events.size() - 1; i++) {
            assertFalse(events.get(i).equals(events.get(i - 1)), "one line per change, no repeats");
        }
    }

    @Test
    void transientErrorsKeepItWaitingAndSaySoOnStderr() {
        MeshApiSimulator mesh = (MeshApiSimulator) serve(ProviderKind.MESHAPI,
                sim("cgt-9", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));
        mesh.faults().on(Fault.RATE_LIMIT).retryAfterSeconds(7).times(2);

        CliHarness.Result r = run("wait", "cgt-9", "--account", "acc");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("still waiting"), r::toString);
        assertEquals(TaskStatus.SUCCEEDED, cached("cgt-9").task().status());
    }

    @Test
    void exitsOneWhenTheKeyIsRefusedTheTaskIsUnknownOrTheAccountIsUnknown() {
        MeshApiSimulator mesh = new MeshApiSimulator(cli.clock, KEY, List.of(sim("cgt-1", SimOutcome.SUCCEEDED,
                Duration.ofSeconds(20))));
        sims.add(mesh.start());
        addAccount(ProviderKind.MESHAPI, "acc", mesh.baseUrl(), "wrong-key");

        CliHarness.Result refused = run("wait", "cgt-1", "--account", "acc");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertFalse(refused.err().contains("Exception"), refused::toString);

        keys.put("acc", KEY);
        CliHarness.Result unknownTask = run("wait", "cgt-404", "--account", "acc");
        assertEquals(1, unknownTask.exitCode(), unknownTask::toString);
        assertTrue(unknownTask.err().contains("no task 'cgt-404'"), unknownTask::toString);

        CliHarness.Result unknownAccount = run("wait", "cgt-1", "--account", "nobody");
        assertEquals(1, unknownAccount.exitCode(), unknownAccount::toString);
        assertTrue(unknownAccount.err().contains("no account named 'nobody'"), unknownAccount::toString);
    }

    @Test
    void exitsTwoForBadUsage() {
        serve(ProviderKind.MESHAPI, sim("cgt-1", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));

        assertEquals(2, run("wait").exitCode(), "no id");
        CliHarness.Result badDuration = run("wait", "cgt-1", "--timeout", "5 parsecs");
        assertEquals(2, badDuration.exitCode(), badDuration::toString);
        assertTrue(badDuration.err().contains("90s, 20m, 2h"), badDuration::toString);
        assertEquals(2, run("wait", "cgt-1", "--timeout", "0s").exitCode(), "no time at all");
    }

    @Test
    void aFinishedCachedTaskReturnsAtOnceWithoutAskingTheProvider() {
        MeshApiSimulator mesh = (MeshApiSimulator) serve(ProviderKind.MESHAPI,
                sim("cgt-2", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));
        assertEquals(0, run("wait", "cgt-2", "--account", "acc").exitCode());
        mesh.resetCounts();

        CliHarness.Result again = run("wait", "cgt-2", "--quiet");

        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("", again.out());
        assertEquals(0, mesh.totalRequests());
    }

    @Test
    void archiveDownloadsTheFinishedVideoBeforeReturning() throws Exception {
        serve(ProviderKind.MESHAPI, sim("cgt-3", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));

        CliHarness.Result r = run("wait", "cgt-3", "--account", "acc", "--archive", "--json");

        assertEquals(0, r.exitCode(), r::toString);
        List<JsonNode> events = ndjson(r.out());
        JsonNode archived = events.get(events.size() - 2);
        assertEquals("archived", archived.get("event").asText(), r::toString);
        Path file = Path.of(archived.get("local_file").asText());
        assertTrue(Files.isRegularFile(file), r::toString);
        assertEquals(new DemoClips().bytes("aurora").length, Files.size(file));
        assertTrue(cached("cgt-3").localFile().isPresent());
    }

    @Test
    void waitsForSeveralTasksOfTwoAccountsAndCountsThemInTheDoneLine() throws Exception {
        serve(ProviderKind.MESHAPI, sim("cgt-a", SimOutcome.SUCCEEDED, Duration.ofSeconds(20)));
        MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(cli.clock, List.of(sim("mpt-b", SimOutcome.FAILED,
                Duration.ofSeconds(50))));
        sims.add(mpt.start());
        addAccount(ProviderKind.MONEYPRINTERTURBO, "desk", mpt.baseUrl(), null);
        cli.cache("desk", Task.builder("mpt-b", TaskStatus.QUEUED).build());
        cli.cache("acc", Task.builder("cgt-a", TaskStatus.QUEUED).build());

        // Each id is found in the cache with its own account; each is refreshed from its own provider.
        CliHarness.Result r = run("wait", "mpt-b", "cgt-a", "--json");

        assertEquals(WaitCommand.UNSUCCESSFUL, r.exitCode(), r::toString);
        List<JsonNode> events = ndjson(r.out());
        assertEquals(JSON.readTree("{\"event\":\"done\",\"succeeded\":1,\"unsuccessful\":1,\"unfinished\":0}"),
                events.get(events.size() - 1));
    }
}
