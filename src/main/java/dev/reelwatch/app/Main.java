package dev.reelwatch.app;

import dev.reelwatch.cli.CliContext;
import dev.reelwatch.cli.CliServicesFactory;
import dev.reelwatch.cli.ReelwatchCommand;
import dev.reelwatch.cli.DemoCommand;
import dev.reelwatch.cli.ExportCommand;
import dev.reelwatch.cli.SyncCommand;
import dev.reelwatch.cli.Terminal;
import dev.reelwatch.cli.WaitCommand;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Entry point: without a command ({@code reelwatch}, {@code reelwatch --data-dir DIR}) opens the desktop app,
 * with one runs the command line.
 */
public final class Main {
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Main() {
    }

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J; without a binding SLF4J would print a warning on every CLI run.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        if (args.length == 0) {
            DesktopLauncher.launch(args);
            return;
        }
        Map<String, String> env = System.getenv();
        System.exit(runCli(args, System.in, System.out, System.err, env, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")), Terminal.detect(System.console() != null, env)));
    }

    /**
     * Runs the command line over the real stores of the data directory ({@code --data-dir}, else the one
     * {@code env}, {@code osName} and {@code userHome} point to) and returns its exit code.
     */
    public static int runCli(String[] args, InputStream in, OutputStream out, OutputStream err,
                             Map<String, String> env, String osName, Path userHome) {
        return runCli(args, in, out, err, env, osName, userHome, Terminal.pipe());
    }

    /** As above, printing for {@code terminal} (a person's terminal gets shortened ids and colours). */
    public static int runCli(String[] args, InputStream in, OutputStream out, OutputStream err,
                             Map<String, String> env, String osName, Path userHome, Terminal terminal) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Clock clock = Clock.systemUTC();
        CliServicesFactory services = new AppCliServices(env, osName, userHome, clock,
                notice -> errWriter.println("Warning: " + notice));
        try {
            CommandLine commandLine = ReelwatchCommand.commandLine(services, outWriter, errWriter, in,
                    terminal);
            CliContext context = ReelwatchCommand.context(commandLine);
            commandLine.addSubcommand("sync", new SyncCommand(() -> CliSync.pass(context, env, clock),
                    () -> CliSync.archivePass(context, env, clock)));
            commandLine.addSubcommand("export", new ExportCommand(context,
                    opened -> CliSync.archiver(opened, env, clock)));
            commandLine.addSubcommand("wait", new WaitCommand(context,
                    opened -> CliSync.waiter(opened, env, clock), opened -> CliSync.archiver(opened, env, clock)));
            commandLine.addSubcommand("demo", new DemoCommand(context,
                    dir -> DesktopLauncher.launch(new String[] {"--data-dir=" + dir, "--demo"})));
            ReelwatchCommand.openWindowWithoutCommand(commandLine, dir -> DesktopLauncher.launch(
                    dir.map(d -> new String[] {"--data-dir=" + d.toAbsolutePath()}).orElse(new String[0])));
            // setOut/setErr reach only subcommands present at the time, so apply them again.
            commandLine.setOut(outWriter);
            commandLine.setErr(errWriter);
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
