package dev.reelwatch.cli;

import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.sync.TaskWaiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids as git shows commits: the table shows unique prefixes, and every command taking an ID accepts them. */
class IdPrefixTest {
    /** Hedra-style ids: the first 22 characters of the two are the same. */
    static final String FIRST = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    static final String SECOND = "3c90c3cc-0d44-4b50-88bb-000000000002";
    static final String OTHER = "7d11aaaa-1111-4b50-8888-000000000003";

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        Instant t0 = Instant.parse("2026-11-23T17:00:00Z");
        cli.cache("desk",
                Task.builder(FIRST, TaskStatus.SUCCEEDED).createdAt(t0).prompt("first").build(),
                Task.builder(SECOND, TaskStatus.FAILED).createdAt(t0.plusSeconds(60)).prompt("second").build(),
                Task.builder(OTHER, TaskStatus.SUCCEEDED).createdAt(t0.plusSeconds(120)).prompt("other").build());
    }

    /** Adds `export` and `wait` as the composition root does; neither reaches a provider in these tests. */
    private Consumer<CommandLine> withIdCommands() {
        // The tasks have no outputs, so the archiver never gets to download anything.
        Function<CliServices, OutputArchiver> noArchiver = s -> new OutputArchiver(s.tasks(), s.accounts(),
                s.settings(), a -> {
                    throw new AssertionError("no provider call expected");
                }, new dev.reelwatch.media.FileDownloader(dev.reelwatch.provider.HttpTransport.newHttpClient(
                        java.time.Duration.ofSeconds(1)), "test", java.time.Duration.ofSeconds(1),
                        dev.reelwatch.media.DiskSpace.system(), cli.clock),
                new dev.reelwatch.media.VideoArchive(s.dataDir()), dev.reelwatch.media.ArchiveOptions.defaults());
        Function<CliServices, TaskWaiter> noWaiter = s -> new TaskWaiter(s.tasks(), s.settings(), a -> {
            throw new AssertionError("no provider call expected for finished cached tasks");
        }, cli.clock, d -> { }, dev.reelwatch.sync.SyncSettings.defaults());
        return cl -> {
            CliContext ctx = ReelwatchCommand.context(cl);
            cl.addSubcommand(new ExportCommand(ctx, noArchiver));
            cl.addSubcommand(new WaitCommand(ctx, noWaiter, noArchiver));
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
        };
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", cli.dataDir.toString()));
        all.addAll(List.of(args));
        return cli.runRaw("", withIdCommands(), all.toArray(String[]::new));
    }

    private StoredTask other() {
        return cli.withServices(s -> s.tasks().find(s.accounts().byName("desk").orElseThrow().id(), OTHER)
                .orElseThrow());
    }

    @Test
    void theTableShowsTheShortestUniquePrefixAndWideOrAPipeShowsAll() {
        cli.terminal = new Terminal(true, false);
        CliHarness.Result table = cli.run("tasks");
        assertTrue(table.out().contains(" 7d11aaaa "), table::toString);
        assertTrue(table.out().contains(" 3c90c3cc-0d44-4b50-888 "), table::toString);
        assertTrue(table.out().contains(" 3c90c3cc-0d44-4b50-88b "), table::toString);
        assertFalse(table.out().contains("…  "), "no id is cut with an ellipsis: " + table);

        CliHarness.Result wide = cli.run("tasks", "--wide");
        assertTrue(wide.out().contains(FIRST) && wide.out().contains(OTHER), wide::toString);

        cli.terminal = Terminal.pipe();
        CliHarness.Result piped = cli.run("tasks");
        assertTrue(piped.out().contains(FIRST) && piped.out().contains(SECOND), piped::toString);
    }

    @Test
    void starTagAndNoteTakeAUniquePrefix() {
        assertEquals(0, run("star", "7d11aaaa").exitCode());
        assertEquals(0, run("tag", "7D11AAAA-1111", "hero").exitCode());
        assertEquals(0, run("note", "7d11aaaa", "picked").exitCode());

        StoredTask t = other();
        assertTrue(t.starred());
        assertEquals(List.of("hero"), t.tags());
        assertEquals("picked", t.note());
    }

    @Test
    void exportAndWaitTakeAUniquePrefix() {
        CliHarness.Result export = run("export", "3c90c3cc-0d44-4b50-88b", temp.toString());
        assertEquals(1, export.exitCode(), export::toString);
        assertTrue(export.err().contains(SECOND), "found the task, which has no video: " + export);

        CliHarness.Result waited = run("wait", "7d11aaaa", "3c90c3cc-0d44-4b50-888");
        assertEquals(0, waited.exitCode(), waited::toString);
        assertTrue(waited.out().contains("desk " + OTHER + " succeeded"), waited::toString);
        assertTrue(waited.out().contains("desk " + FIRST + " succeeded"), waited::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"star", "tag", "note", "export", "wait"})
    void anAmbiguousPrefixIsBadUsageListingTheCandidates(String command) {
        CliHarness.Result r = run(args(command, "3c90c3cc-0d44"));

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("is the start of 2 cached tasks"), r::toString);
        assertTrue(r.err().contains(FIRST) && r.err().contains(SECOND), r::toString);
        assertFalse(other().starred());
    }

    @ParameterizedTest
    @ValueSource(strings = {"star", "tag", "note", "export", "wait"})
    void aPrefixShorterThanEightCharactersIsBadUsage(String command) {
        CliHarness.Result r = run(args(command, "7d11"));

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("too short"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"star", "tag", "note", "export"})
    void theLocalIdStillWorks(String command) {
        CliHarness.Result r = run(args(command, String.valueOf(other().id())));

        assertTrue(r.exitCode() == 0 || r.err().contains(OTHER), r::toString);
    }

    private String[] args(String command, String id) {
        return switch (command) {
            case "tag" -> new String[] {"tag", id, "x"};
            case "note" -> new String[] {"note", id, "x"};
            case "export" -> new String[] {"export", id, temp.toString()};
            default -> new String[] {command, id};
        };
    }

    @Test
    void prefixesAreTheShortestUniqueAndNeverUnderEight() {
        IdPrefixes p = new IdPrefixes(List.of(FIRST, SECOND, OTHER, "short"));
        assertEquals("7d11aaaa", p.shortest(OTHER));
        assertEquals("3c90c3cc-0d44-4b50-888", p.shortest(FIRST));
        assertEquals("short", p.shortest("short"));
        assertEquals("mpt-middle", new IdPrefixes(List.of("mpt-middle")).shortest("mpt-middle"),
                "a cut that spares two characters is no help");
    }
}
