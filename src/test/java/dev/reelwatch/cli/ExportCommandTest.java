package dev.reelwatch.cli;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.ArchivePass;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.sync.ClientFactory;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncSettings;
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
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCommandTest {
    static final String KEY = "sk-cli";

    @TempDir
    Path temp;
    CliHarness cli;
    MeshApiSimulator mesh;
    HttpClient http = HttpTransport.newHttpClient(Duration.ofSeconds(2));

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        Instant now = cli.clock.instant();
        mesh = new MeshApiSimulator(cli.clock, KEY, List.of(
                new SimTask("cgt-7", "Paper boats on a rainy street", "seedance-1-0-pro", now.minusSeconds(3600),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, "aurora", null, null,
                        1, "1280x720", "16:9", 3, 24, 10),
                new SimTask("cgt-8", "Gone", "seedance-1-0-pro", now.minus(Duration.ofDays(3)),
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

    private Consumer<CommandLine> withMediaCommands() {
        return cl -> {
            CliContext ctx = ReelwatchCommand.context(cl);
            cl.addSubcommand(new ExportCommand(ctx, this::archiver));
            cl.addSubcommand(new SyncCommand(
                    () -> new SyncPass(ctx.services().accounts(), ctx.services().tasks(), ctx.services().settings(),
                            clients(), cli.clock, SyncSettings.defaults()),
                    () -> new ArchivePass(archiver(ctx.services()))));
            // Subcommands added after the root was built take its streams only when they are set again.
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
        };
    }

    private CliHarness.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = cli.dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.runRaw("", withMediaCommands(), all);
    }

    @Test
    void exportDownloadsWhenNeededAndCopiesIntoAFolderUnderTheTemplateName() throws Exception {
        assertEquals(0, run("sync", "--no-archive").exitCode());
        Path out = Files.createDirectories(temp.resolve("exports"));

        CliHarness.Result result = run("export", "cgt-7", out.toString());

        assertEquals(0, result.exitCode(), result.toString());
        Path file = out.resolve("2026-11-23_meshapi_paper-boats-on-a-rainy-street_cgt-7.mp4");
        assertTrue(Files.isRegularFile(file), result.toString());
        assertArrayEquals(new DemoClips().bytes("aurora"), Files.readAllBytes(file));
        assertEquals(file.toAbsolutePath().toString(), result.out().strip());

        CliHarness.Result again = run("export", "cgt-7", out.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(Files.isRegularFile(out.resolve("2026-11-23_meshapi_paper-boats-on-a-rainy-street_cgt-7 (2).mp4")),
                "a second export never overwrites the first");
    }

    @Test
    void exportToAFilePathByLocalIdAndNeverOverAnExistingFile() throws Exception {
        assertEquals(0, run("sync").exitCode());
        long localId = cli.withServices(s -> s.tasks().find(s.accounts().byName("studio").orElseThrow().id(), "cgt-7")
                .map(StoredTask::id).orElseThrow());
        Path target = temp.resolve("boats.mp4");

        assertEquals(0, run("export", String.valueOf(localId), target.toString()).exitCode());
        assertArrayEquals(new DemoClips().bytes("aurora"), Files.readAllBytes(target));

        CliHarness.Result refused = run("export", "cgt-7", target.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("already exists"), refused.toString());
    }

    @Test
    void anUnknownTaskExitsOneWithAMessage() {
        assertEquals(0, run("sync", "--no-archive").exitCode());

        CliHarness.Result result = run("export", "nope", temp.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("No cached task has the id 'nope'"), result.toString());
    }

    @Test
    void aVideoWhoseLinkExpiredBeforeArchivingExitsOneAndSaysSo() {
        assertEquals(0, run("sync", "--no-archive").exitCode());

        CliHarness.Result result = run("export", "cgt-8", temp.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("link expired before it could be archived"), result.toString());
        assertFalse(Files.exists(temp.resolve("exports")));
    }

    @Test
    void syncArchivesNewlySucceededVideosUnlessToldNotTo() {
        CliHarness.Result noArchive = run("sync", "--no-archive");
        assertEquals(0, noArchive.exitCode(), noArchive.toString());
        assertFalse(noArchive.out().contains("Library:"), noArchive.toString());
        assertFalse(Files.exists(cli.dataDir.resolve("videos")));

        CliHarness.Result sync = run("sync");

        assertTrue(sync.out().contains("Library: 1 video archived, 0 failed, 1 link expired before archiving"),
                sync.toString());
        assertEquals(0, sync.exitCode(), "an expired link is reported but is not a failure of this run");
        CliHarness.Result json = run("tasks", "--json");
        assertTrue(json.out().contains("\"archive_state\" : \"archived\""), json.out());
        assertTrue(json.out().contains("\"archive_state\" : \"link_expired\""), json.out());
        assertTrue(json.out().contains(cli.dataDir.resolve("videos").resolve("meshapi").toString()), json.out());
    }
}
