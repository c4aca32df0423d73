package dev.reelwatch.cli;

import dev.reelwatch.store.StoredTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code reelwatch note ID TEXT...}: sets the free-text note of a cached task; no text prints it. */
@Command(name = "note", sortOptions = false,
        description = "Set the note of a cached task (words are joined with spaces); without TEXT, print it.")
final class NoteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = TaskLookup.ID_HELP)
    private String id;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "The note.")
    private List<String> words = new ArrayList<>();

    @Option(names = "--clear", description = "Remove the note.")
    private boolean clear;

    @Option(names = "--account", paramLabel = "NAME", description = "The task's account, when the id is in several.")
    private String account;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    NoteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoredTask task = TaskLookup.find(context.services(), id, account);
        if (clear) {
            context.services().tasks().setNote(task.id(), null);
            context.out().println("Removed the note of " + task.task().providerTaskId() + ".");
        } else if (words.isEmpty()) {
            context.out().println(task.note() == null ? "(no note)" : task.note());
        } else {
            context.services().tasks().setNote(task.id(), String.join(" ", words));
            context.out().println("Saved the note of " + task.task().providerTaskId() + ".");
        }
        return CommandLine.ExitCode.OK;
    }
}
