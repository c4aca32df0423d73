package dev.reelwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code reelwatch accounts}: the group of account commands. */
@Command(name = "accounts",
        description = "Add, list, remove, pause and resume the provider accounts Reelwatch watches.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AddAccountCommand.class, ListAccountsCommand.class, RemoveAccountCommand.class,
                PauseAccountCommand.Pause.class, PauseAccountCommand.Resume.class})
final class AccountsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    AccountsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return CommandLine.ExitCode.USAGE;
    }
}
