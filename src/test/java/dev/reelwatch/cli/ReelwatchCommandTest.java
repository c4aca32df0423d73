package dev.reelwatch.cli;

import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root command: help, version, usage errors, data directory failures and the extension seam. */
class ReelwatchCommandTest {

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
    }

    @Test
    void helpListsTheCommandsWithoutCreatingTheDataDirectory() {
        CliHarness.Result help = cli.run("--help");

        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("accounts") && help.out().contains("tasks"), help::toString);
        assertTrue(help.out().contains("--data-dir"), help::toString);
        assertFalse(Files.exists(cli.dataDir));

        CliHarness.Result addHelp = cli.run("accounts", "add", "--help");
        assertEquals(0, addHelp.exitCode(), addHelp::toString);
        assertTrue(addHelp.out().contains("meshapi, phaseo, moneyprinterturbo, hedra"), addHelp::toString);
        assertTrue(addHelp.out().contains("--api-key-stdin") && addHelp.out().contains("--base-url"));
        CliHarness.Result tasksHelp = cli.run("tasks", "-h");
        assertEquals(0, tasksHelp.exitCode(), tasksHelp::toString);
        assertTrue(tasksHelp.out().replaceAll("\\s+", " ")
                .contains("queued, running, succeeded, failed, cancelled, expired"), tasksHelp::toString);
        assertFalse(Files.exists(cli.dataDir), "help never opens the data directory");
    }

    @Test
    void versionNamesTheProgram() {
        CliHarness.Result version = cli.run("--version");

        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().startsWith("reelwatch "), version::toString);
        assertFalse(Files.exists(cli.dataDir));
    }

    @Test
    void noCommandOrUnknownCommandIsBadUsage() {
        CliHarness.Result none = cli.run();
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("Usage: reelwatch"), none::toString);

        CliHarness.Result accounts = cli.run("accounts");
        assertEquals(2, accounts.exitCode(), accounts::toString);
        assertTrue(accounts.err().contains("Usage: reelwatch accounts"), accounts::toString);

        CliHarness.Result unknown = cli.run("taks");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("taks"), unknown::toString);
        assertFalse(Files.exists(cli.dataDir));
    }

    @Test
    void globalOptionsWithoutACommandOpenTheWindowOnThatDataDirectory() {
        List<java.util.Optional<Path>> opened = new ArrayList<>();
        java.util.function.Consumer<CommandLine> desktop =
                cl -> ReelwatchCommand.openWindowWithoutCommand(cl, opened::add);

        CliHarness.Result withDir = cli.runRaw("", desktop, "--data-dir", cli.dataDir.toString());
        CliHarness.Result demo = cli.runRaw("", cl -> {
            desktop.accept(cl);
            cl.addSubcommand("demo", new DemoCommand(ReelwatchCommand.context(cl), dir -> opened.add(null)));
        }, "demo");
        CliHarness.Result help = cli.runRaw("", desktop, "--help");

        assertEquals(0, withDir.exitCode(), withDir::toString);
        assertEquals("", withDir.err(), "no usage text");
        assertEquals(java.util.Optional.of(cli.dataDir), opened.get(0));
        assertEquals(0, demo.exitCode(), demo::toString);
        assertEquals(2, opened.size(), "demo still opens its own window, not the plain one");
        assertEquals(null, opened.get(1));
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: reelwatch"), help::toString);
        assertEquals(2, opened.size(), "--help opens nothing");
    }

    @Test
    void dataDirectoryUnderARegularFileFailsWithoutCreatingAnything() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        List<Path> before = listTree(temp);

        CliHarness.Result r = cli.runRaw("", cl -> { }, "--data-dir", file.resolve("data").toString(),
                "accounts", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("reelwatch: The data directory " + file.resolve("data")
                + " is not writable"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
        assertEquals(before, listTree(temp), "nothing created elsewhere");
    }

    @Test
    void cacheFromANewerReelwatchIsLeftAloneWithAClearMessage() throws Exception {
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        Path db = DataDirectory.databaseFile(cli.dataDir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Database.latestSchemaVersion() + 1));
        }

        CliHarness.Result r = cli.run("tasks");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("newer Reelwatch"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void damagedCacheIsMovedAsideAndRebuiltInsteadOfFailing() throws Exception {
        // The stderr warning is Main's job (see app.DamagedCacheTest); here: the command works on a fresh cache.
        Files.createDirectories(cli.dataDir);
        Files.writeString(DataDirectory.databaseFile(cli.dataDir), "this is not a database, it is a text file. ".repeat(50));

        CliHarness.Result r = cli.run("accounts", "list");

        assertEquals(0, r.exitCode(), r::toString);
        try (var files = Files.list(cli.dataDir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("reelwatch.db.corrupt-")).count());
        }
    }

    /** A command as a later feature would add it. */
    @CommandLine.Command(name = "count", description = "Counts accounts.")
    static final class CountAccounts implements Callable<Integer> {
        private final CliContext context;

        CountAccounts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.out().println(context.services().accounts().all().size() + " accounts in "
                    + context.services().dataDir().getFileName());
            return 0;
        }
    }

    @Test
    void laterFeaturesAddSubcommandsByClassOrInstance() {
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        String dir = cli.dataDir.toString();

        CliHarness.Result byClass = cli.runRaw("", cl -> cl.addSubcommand(CountAccounts.class),
                "--data-dir", dir, "count");
        CliHarness.Result byInstance = cli.runRaw("",
                cl -> cl.addSubcommand("count", new CountAccounts(ReelwatchCommand.context(cl))),
                "--data-dir", dir, "count");

        assertEquals(0, byClass.exitCode(), byClass::toString);
        assertEquals("1 accounts in data", byClass.out().strip());
        assertEquals(0, byInstance.exitCode(), byInstance::toString);
        assertEquals("1 accounts in data", byInstance.out().strip());
    }

    @Test
    void servicesAreOpenedOnceAndClosedAfterTheCommand() {
        List<String> events = new ArrayList<>();
        CliServicesFactory counting = override -> {
            events.add("open");
            CliServices real = cli.factory.open(override);
            return new CliServices() {
                @Override public dev.reelwatch.store.AccountStore accounts() { return real.accounts(); }
                @Override public dev.reelwatch.store.TaskStore tasks() { return real.tasks(); }
                @Override public dev.reelwatch.store.SettingsStore settings() { return real.settings(); }
                @Override public dev.reelwatch.store.CredentialStore credentials() { return real.credentials(); }
                @Override public Path dataDir() { return real.dataDir(); }
                @Override public void close() {
                    events.add("close");
                    real.close();
                }
            };
        };
        StringWriter out = new StringWriter();
        CommandLine cl = ReelwatchCommand.commandLine(counting, new PrintWriter(out), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]));

        assertEquals(1, cl.execute("--data-dir", cli.dataDir.toString(), "tasks", "--account", "x", "--json"),
                "unknown account fails after opening");
        assertEquals(List.of("open", "close"), events);
        assertEquals(0, cl.execute("--data-dir", cli.dataDir.toString(), "--help"));
        assertEquals(List.of("open", "close"), events, "help opens nothing");
        assertEquals(0, cl.execute("--data-dir", cli.dataDir.toString(), "tasks"));
        assertEquals(List.of("open", "close", "open", "close"), events);
        assertTrue(out.toString().contains("No tasks cached yet."), out::toString);
    }

    private static List<Path> listTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }
}
