package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.CacheRecovery;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code reelwatch tasks}: the cached tasks, newest first, from the local cache only (works offline). */
@Command(name = "tasks", sortOptions = false,
        description = "List cached tasks, newest first. Reads the local cache only, so it works offline.")
final class TasksCommand implements Callable<Integer> {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--status", paramLabel = "STATUS", split = ",", converter = TaskStatusConverter.class,
            completionCandidates = TaskStatusConverter.Names.class,
            description = "Only tasks with this status (repeatable, or comma-separated): ${COMPLETION-CANDIDATES}.")
    private List<TaskStatus> statuses = new ArrayList<>();

    @Option(names = "--account", paramLabel = "NAME", description = "Only tasks of this account.")
    private String account;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only tasks whose prompt, model or id match.")
    private String search;

    @Option(names = "--starred", description = "Only starred tasks.")
    private boolean starred;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag.")
    private String tag;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    TasksCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        CliServices services = context.services();
        Long accountId = null;
        if (account != null) {
            Account found = services.accounts().byName(account.strip()).orElseThrow(() -> new CliFailure(
                    "There is no account named '" + account.strip() + "'. See `reelwatch accounts list`."));
            accountId = found.id();
        }
        Set<TaskStatus> wanted = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
        String text = search == null || search.isBlank() ? null : search.strip();
        String wantedTag = tag == null || tag.isBlank() ? null : tag;
        List<StoredTask> tasks = services.tasks().query(new TaskQuery(wanted, accountId, text, 0, 0, false, starred,
                wantedTag));
        // On stderr, so --json output stays valid: after a rebuild, an empty list is not "nothing happened".
        CacheRecovery.rebuildNotice(services.settings(), services.accounts())
                .ifPresent(notice -> context.err().println("reelwatch: " + notice));

        if (json) {
            ArrayNode array = Json.mapper().createArrayNode();
            tasks.forEach(t -> array.add(TaskJson.of(t)));
            context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return CommandLine.ExitCode.OK;
        }
        if (tasks.isEmpty()) {
            boolean filtered = !wanted.isEmpty() || accountId != null || text != null || starred
                    || wantedTag != null;
            context.out().println(filtered && services.tasks().count(TaskQuery.all()) > 0
                    ? "No cached tasks match these filters."
                    : "No tasks cached yet. Add an account with `reelwatch accounts add` and run `reelwatch sync`.");
            return CommandLine.ExitCode.OK;
        }
        TextTable table = new TextTable(TableWidth.COLUMNS,
                List.of("STATUS", "ACCOUNT", "ID", "PROGRESS", "CREATED (UTC)", "PROMPT"), 9, 12, 22, 8, 16);
        for (StoredTask stored : tasks) {
            var task = stored.task();
            table.addRow(task.status().wireName(), stored.accountName(),
                    (stored.starred() ? "★ " : "") + task.providerTaskId(),
                    task.progress() == null ? "-" : task.progress() + "%", created(task.createdAt(), stored),
                    task.promptFirstLine());
        }
        table.print(context.out());
        context.out().println(tasks.size() + (tasks.size() == 1 ? " task" : " tasks"));
        return CommandLine.ExitCode.OK;
    }

    /** When the provider gave no creation time, when we first saw the task is the next best thing. */
    private static String created(Instant createdAt, StoredTask stored) {
        Instant when = createdAt != null ? createdAt : stored.firstSeenAt();
        return when == null ? "-" : CREATED.format(when);
    }
}
