package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code reelwatch accounts pause NAME} and {@code accounts resume NAME}: a paused account is not polled by the
 * app or by {@code sync} until it is resumed; its cached tasks stay browsable. The state is kept in the cache.
 */
final class PauseAccountCommand {

    private PauseAccountCommand() {
    }

    /** Pauses or resumes the named account and says what changed (or that nothing needed to). */
    static int apply(CliContext context, String name, boolean pause) {
        Account account = context.services().accounts().byName(name.strip()).orElseThrow(() -> new CliFailure(
                "There is no account named '" + name.strip() + "'. See `reelwatch accounts list`."));
        boolean was = context.services().accounts().isPaused(account.id());
        if (was == pause) {
            context.out().println("'" + account.name() + "' is already " + (pause ? "paused." : "being synced."));
            return CommandLine.ExitCode.OK;
        }
        context.services().accounts().setPaused(account.id(), pause);
        context.out().println(pause
                ? "Paused '" + account.name() + "': it is not synced until `reelwatch accounts resume "
                + account.name() + "`. Its cached tasks stay."
                : "Resumed '" + account.name() + "': it is synced again.");
        return CommandLine.ExitCode.OK;
    }

    @Command(name = "pause", description = "Stop syncing an account (the app and `sync` leave it alone) until resumed.")
    static final class Pause implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name.")
        private String name;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean helpRequested;

        private final CliContext context;

        Pause(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return apply(context, name, true);
        }
    }

    @Command(name = "resume", description = "Sync a paused account again.")
    static final class Resume implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name.")
        private String name;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean helpRequested;

        private final CliContext context;

        Resume(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return apply(context, name, false);
        }
    }
}
