package dev.reelwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The {@code reelwatch} command: global options and the subcommands, over a lazily opened data directory.
 * Build it with {@link #commandLine}; later features add their subcommands to the returned {@link CommandLine}.
 */
@Command(name = "reelwatch",
        versionProvider = ReelwatchCommand.Version.class,
        sortOptions = false,
        synopsisSubcommandLabel = "COMMAND",
        description = "Watches AI video-generation jobs across providers and keeps an offline history of them.",
        footer = {"", "Without a command Reelwatch opens its window. Exit codes: 0 ok, 1 failure, 2 bad usage"
                + " (`wait` adds 3: timed out, 4: a task ended failed, cancelled or expired).",
                "An ID is a provider's task id, its first 8 or more characters (as `tasks` shows it), or the local"
                        + " id."})
public final class ReelwatchCommand implements Callable<Integer>, CliContext {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the cache, settings, keys and video library live (default: the OS data folder).")
    private Path dataDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean versionRequested;

    private final CliServicesFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Terminal terminal;
    private CliServices services;
    private Consumer<Optional<Path>> openWindow;

    public ReelwatchCommand(CliServicesFactory factory, PrintWriter out, PrintWriter err, InputStream in) {
        this(factory, out, err, in, Terminal.pipe());
    }

    public ReelwatchCommand(CliServicesFactory factory, PrintWriter out, PrintWriter err, InputStream in,
                            Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The whole command line, ready to {@code execute(args)}: the built-in subcommands ({@code accounts},
     * {@code tasks}), output to {@code out}/{@code err}, runtime failures as one line on {@code err} with exit
     * code 1, usage errors with exit code 2. Add more with {@code addSubcommand(new X(context(cl)))} or
     * {@code addSubcommand(X.class)} (a public constructor taking a {@link CliContext} is used).
     * The services are closed after each execution.
     */
    public static CommandLine commandLine(CliServicesFactory factory, PrintWriter out, PrintWriter err,
                                          InputStream in) {
        return commandLine(factory, out, err, in, Terminal.pipe());
    }

    /** As above, for output to {@code terminal} (a person's terminal shortens ids and may use colours). */
    public static CommandLine commandLine(CliServicesFactory factory, PrintWriter out, PrintWriter err,
                                          InputStream in, Terminal terminal) {
        ReelwatchCommand root = new ReelwatchCommand(factory, out, err, in, terminal);
        CommandLine cl = new CommandLine(root, new ContextInjectingFactory(root));
        cl.addSubcommand(AccountsCommand.class);
        cl.addSubcommand(TasksCommand.class);
        cl.addSubcommand(UsageCommand.class);
        cl.addSubcommand(StarCommand.class);
        cl.addSubcommand(TagCommand.class);
        cl.addSubcommand(NoteCommand.class);
        cl.addSubcommand(RulesCommand.class);
        cl.addSubcommand(FailuresCommand.class);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureReporter());
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } finally {
                root.closeServices();
            }
        });
        return cl;
    }

    /** The context the subcommands of {@code commandLine} share (its root command). */
    public static CliContext context(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().commandLine().getCommand();
    }

    /**
     * Makes global options without a command ({@code reelwatch --data-dir DIR}) open the window instead of
     * printing usage: {@code openWindow} gets the {@code --data-dir} given, if any, and returns when the
     * window closes.
     */
    public static void openWindowWithoutCommand(CommandLine commandLine, Consumer<Optional<Path>> openWindow) {
        ReelwatchCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
        root.openWindow = Objects.requireNonNull(openWindow, "openWindow");
    }

    /**
     * {@code reelwatch} with options but no command: opens the window where one is wired (the desktop app),
     * else says which commands there are.
     */
    @Override
    public Integer call() {
        if (openWindow != null) {
            out.flush();
            openWindow.accept(Optional.ofNullable(dataDir));
            return CommandLine.ExitCode.OK;
        }
        spec.commandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public CliServices services() {
        if (services == null) {
            services = factory.open(dataDir);
        }
        return services;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    private void closeServices() {
        out.flush();
        err.flush();
        if (services != null) {
            try {
                services.close();
            } catch (RuntimeException e) {
                err.println("reelwatch: could not close the cache cleanly: " + e.getMessage());
                err.flush();
            } finally {
                services = null;
            }
        }
    }

    /** The version from pom.xml, as {@link BuildVersion} reads it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reelwatch " + BuildVersion.current()};
        }
    }
}
