package dev.reelwatch.cli;

import dev.reelwatch.store.StoredTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code reelwatch star ID [--off]}: stars a cached task (local only; syncing never changes it). */
@Command(name = "star", sortOptions = false, description = "Star a cached task, or take its star away with --off.")
final class StarCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = TaskLookup.ID_HELP)
    private String id;

    @Option(names = "--off", description = "Remove the star instead.")
    private boolean off;

    @Option(names = "--account", paramLabel = "NAME", description = "The task's account, when the id is in several.")
    private String account;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    StarCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoredTask task = TaskLookup.find(context.services(), id, account);
        context.services().tasks().setStarred(task.id(), !off);
        context.out().println((off ? "Unstarred " : "Starred ") + task.task().providerTaskId()
                + " (" + task.accountName() + ").");
        return CommandLine.ExitCode.OK;
    }
}
