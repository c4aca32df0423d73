package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.ArchivePass;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskEvent;
import dev.reelwatch.sync.ClientFactory;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.sync.TaskWaiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch rules}: the commands, their validation, and rules firing from `sync` and `wait`. */
class RulesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-rules-cli";

    @TempDir
    Path temp;
    CliHarness cli;
    MeshApiSimulator mesh;
    final HttpClient http = HttpTransport.newHttpClient(Duration.ofSeconds(2));

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        Instant now = cli.clock.instant();
        mesh = new MeshApiSimulator(cli.clock, KEY, List.of(
                new SimTask("cgt-done", "Paper boats for client A", "seedance-1-0-pro", now.minusSeconds(3600),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, "aurora", null, null,
                        1, "1280x720", "16:9", 3, 24, 10),
                new SimTask("cgt-live", "Client A: a lighthouse at dusk", "seedance-1-0-pro", now.minusSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, "bars", null, null,
                        1, "1280x720", "16:9", 3, 24, 10)));
        mesh.setIncludePrompt(true);
        mesh.start();
        assertEquals(0, cli.runWithInput(KEY + "\n", "accounts", "add", "--provider", "meshapi", "--name", "studio",
                "--base-url", mesh.baseUrl().toString(), "--api-key-stdin").exitCode());
    }

    @AfterEach
    void tearDown() {
        mesh.close();
    }

    private ClientFactory clients() {
        ProviderClients clients = new ProviderClients(new HttpTransport(http, "Reelwatch/test", Duration.ofSeconds(5),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, cli.clock));
        return account -> clients.create(account, KEY);
    }

    private OutputArchiver archiver(CliServices s) {
        return new OutputArchiver(s.tasks(), s.accounts(), s.settings(), clients(),
                new FileDownloader(http, "Reelwatch/test", Duration.ofSeconds(5), DiskSpace.system(), cli.clock),
                new VideoArchive(s.dataDir()), new ArchiveOptions(2, 2, Duration.ofMillis(10), Duration.ofSeconds(1)));
    }

    private Consumer<CommandLine> withSyncAndWait() {
        return cl -> {
            CliContext ctx = ReelwatchCommand.context(cl);
            cl.addSubcommand(new SyncCommand(
                    () -> new SyncPass(ctx.services().accounts(), ctx.services().tasks(), ctx.services().settings(),
                            clients(), cli.clock, SyncSettings.defaults()),
                    () -> new ArchivePass(archiver(ctx.services()))));
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
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cli.runRaw("", withSyncAndWait(), all.toArray(String[]::new)));
    }

    private StoredTask task(String id) {
        return cli.withServices(s -> s.tasks().find(s.accounts().byName("studio").orElseThrow().id(), id)
                .orElseThrow());
    }

    private List<String> notes(String id) {
        long localId = task(id).id();
        return cli.withServices(s -> s.tasks().timeline(localId).stream().filter(TaskEvent::isNote)
                .map(TaskEvent::detail).toList());
    }

    @Test
    void listJsonHasTheDocumentedShape() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("out"));
        assertEquals(0, run("rules", "add", "client A", "--when", "succeeded,failed", "--account", "studio",
                "--provider", "meshapi", "--model", "seedance", "--prompt-contains", "client a", "--has-tag", "wip",
                "--add-tag", "client-a", "--add-tag", "Delivered", "--star", "--export-to", folder.toString(),
                "--name", "{account}_{id}.mp4", "--no-notify").exitCode());

        CliHarness.Result r = run("rules", "list", "--json");

        assertEquals(0, r.exitCode(), r::toString);
        JsonNode expected = JSON.readTree("""
                [{"name":"client A","enabled":true,"when":["succeeded","failed"],
                  "conditions":{"account":"studio","provider":"meshapi","model":"seedance",
                                "prompt_contains":"client a","has_tag":"wip"},
                  "actions":{"add_tags":["client-a","delivered"],"star":true,"export_to":"%s",
                             "name_template":"{account}_{id}.mp4","notify":false},
                  "fired":0}]""".formatted(folder.toAbsolutePath().toString().replace("\\", "\\\\")));
        assertEquals(expected, JSON.readTree(r.out()));
        CliHarness.Result table = run("rules", "list");
        assertTrue(table.out().contains("client A") && table.out().contains("succeeded,failed"), table::toString);
    }

    @Test
    void badInputSavesNothingAndSaysWhy() throws Exception {
        CliHarness.Result unknownStatus = run("rules", "add", "x", "--when", "finished", "--star");
        assertEquals(2, unknownStatus.exitCode(), unknownStatus::toString);
        assertTrue(unknownStatus.err().contains("unknown status 'finished'"), unknownStatus::toString);

        CliHarness.Result missingFolder = run("rules", "add", "x", "--when", "succeeded", "--export-to",
                temp.resolve("nowhere").toString());
        assertEquals(2, missingFolder.exitCode(), missingFolder::toString);
        assertTrue(missingFolder.err().contains("does not exist"), missingFolder::toString);

        Path readOnly = Files.createDirectories(temp.resolve("locked"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            // Root may write anywhere; the check is then the file system's to make, not ours.
            if (!Files.isWritable(readOnly)) {
                CliHarness.Result unwritable = run("rules", "add", "x", "--when", "succeeded", "--export-to",
                        readOnly.toString());
                assertEquals(2, unwritable.exitCode(), unwritable::toString);
                assertTrue(unwritable.err().contains("cannot be written"), unwritable::toString);
            }
        } finally {
            assertTrue(readOnly.toFile().setWritable(true));
        }

        CliHarness.Result badPattern = run("rules", "add", "x", "--when", "succeeded", "--export-to",
                temp.toString(), "--name", "{created:yyyy-bb}.mp4");
        assertEquals(2, badPattern.exitCode(), badPattern::toString);
        assertTrue(badPattern.err().contains("date pattern"), badPattern::toString);

        CliHarness.Result nothingToDo = run("rules", "add", "x", "--when", "succeeded");
        assertEquals(2, nothingToDo.exitCode(), nothingToDo::toString);

        assertEquals("[ ]", run("rules", "list", "--json").out().strip(), "nothing was saved");

        assertEquals(0, run("rules", "add", "Client", "--when", "succeeded", "--star").exitCode());
        CliHarness.Result duplicate = run("rules", "add", "client", "--when", "failed", "--star");
        assertEquals(2, duplicate.exitCode(), duplicate::toString);
        assertTrue(duplicate.err().contains("exists already"), duplicate::toString);
        assertEquals(1, JSON.readTree(run("rules", "list", "--json").out()).size());
    }

    @Test
    void firesOnceFromSyncAndShowsInTheTimeline() {
        assertEquals(0, run("rules", "add", "client A", "--when", "succeeded", "--prompt-contains", "CLIENT A",
                "--add-tag", "client-a").exitCode());

        CliHarness.Result first = run("sync", "--no-archive");
        assertEquals(0, first.exitCode(), first::toString);
        cli.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, run("sync", "--no-archive").exitCode());
        assertEquals(0, run("sync", "--no-archive").exitCode());

        assertEquals(List.of("client-a"), task("cgt-done").tags(), "first seen finished by sync");
        assertEquals(List.of("client-a"), task("cgt-live").tags(), "changed into succeeded during a later sync");
        assertEquals(List.of("rule 'client A': tagged client-a"), notes("cgt-live"));
        JsonNode list = readList();
        assertEquals(2, list.get(0).get("fired").asInt());
    }

    @Test
    void firesFromWaitAndExportsBeforeTheCommandEnds() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client-a"));
        assertEquals(0, run("rules", "add", "deliver", "--when", "succeeded", "--export-to", folder.toString(),
                "--name", "{id}.mp4").exitCode());

        CliHarness.Result r = run("wait", "cgt-live", "--account", "studio", "--quiet");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(folder.resolve("cgt-live.mp4")), r::toString);
        assertTrue(notes("cgt-live").contains("rule 'deliver': exported to " + folder.resolve("cgt-live.mp4")),
                notes("cgt-live")::toString);
    }

    @Test
    void runDryRunListsWhatItWouldDoAndRunDoesItOnce() {
        assertEquals(0, run("sync", "--no-archive").exitCode());
        cli.cache("studio", Task.builder("cgt-failed", TaskStatus.FAILED).prompt("client A broke").build());
        assertEquals(0, run("rules", "add", "old work", "--when", "succeeded", "--add-tag", "old").exitCode());

        CliHarness.Result dry = run("rules", "run", "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.out().contains("rule 'old work' studio cgt-done: would tag old"), dry::toString);
        assertTrue(dry.out().contains("Would apply to 1 task."), dry::toString);
        assertTrue(task("cgt-done").tags().isEmpty(), "nothing changed");

        CliHarness.Result applied = run("rules", "run", "old work");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertTrue(applied.out().contains("Applied to 1 task."), applied::toString);
        assertEquals(List.of("old"), task("cgt-done").tags());
        assertTrue(run("rules", "run").out().contains("Nothing to do"), "each task once");

        assertEquals(1, run("rules", "run", "nobody").exitCode());
        assertEquals(0, run("rules", "remove", "OLD WORK").exitCode());
        assertEquals(1, run("rules", "remove", "old work").exitCode());
    }

    private JsonNode readList() {
        try {
            return JSON.readTree(run("rules", "list", "--json").out());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
