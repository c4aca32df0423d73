package dev.reelwatch.cli;

import dev.reelwatch.store.StoredTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code reelwatch tag ID TAG...}: adds (or with --remove takes away) tags of a cached task. */
@Command(name = "tag", sortOptions = false,
        description = "Add tags to a cached task (--remove takes them away). Tags are stored in lower case.")
final class TagCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = TaskLookup.ID_HELP)
    private String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "One or more tags.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--remove", description = "Remove these tags instead.")
    private boolean remove;

    @Option(names = "--account", paramLabel = "NAME", description = "The task's account, when the id is in several.")
    private String account;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    TagCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoredTask task = TaskLookup.find(context.services(), id, account);
        for (String t : tags) {
            if (remove) {
                context.services().tasks().removeTag(task.id(), t);
            } else {
                context.services().tasks().addTag(task.id(), t);
            }
        }
        List<String> now = context.services().tasks().byId(task.id()).map(StoredTask::tags).orElse(List.of());
        context.out().println(task.task().providerTaskId() + " tags: " + (now.isEmpty() ? "(none)" : String.join(", ", now)));
        return CommandLine.ExitCode.OK;
    }
}
