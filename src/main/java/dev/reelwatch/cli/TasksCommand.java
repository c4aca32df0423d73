package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.HistoryCsv;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.CacheRecovery;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code reelwatch tasks}: the cached tasks, newest first, from the local cache only (works offline). */
@Command(name = "tasks", sortOptions = false,
        description = "List cached tasks, newest first. Reads the local cache only, so it works offline.",
        footer = {"", "On a terminal the table shows each id by its shortest unique prefix (at least 8 characters,"
                + " as git shows commits); every command that takes an ID accepts it. Piped, or with --wide, every"
                + " value is printed in full.",
                "CSV columns: account,provider,id,status,provider_status,progress,model,prompt,created_at,"
                        + "finished_at,duration_s,cost_amount,cost_unit,video_url,local_file,starred,tags,note"
                        + " (RFC 4180, UTF-8, tags joined with ';')."})
final class TasksCommand implements Callable<Integer> {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    /** Wide enough for any id we know; ids are never cut. */
    private static final int ID_CAP = 80;
    private static final int UNLIMITED = Integer.MAX_VALUE / 4;

    /** How the list is printed. */
    enum Format { TABLE, JSON, NDJSON, CSV }

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

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only tasks created on or after DATE (2026-11-01, or a time like 2026-11-01T08:00:00Z).")
    private String since;

    @Option(names = "--limit", paramLabel = "N", description = "At most N tasks (the newest).")
    private Integer limit;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "table (default), json (one array), ndjson (one object per line) or csv.")
    private Format format;

    @Option(names = "--json", description = "Print one JSON array instead of a table (same as --format json).")
    private boolean json;

    @Option(names = "--wide", description = "Show every id and prompt in full, however wide the table gets.")
    private boolean wide;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    TasksCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Format chosen = chosenFormat();
        Instant from = since == null ? null : parseSince(since);
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        CliServices services = context.services();
        Long accountId = null;
        if (account != null) {
            Account found = TaskLookup.account(services, account);
            accountId = found.id();
        }
        Set<TaskStatus> wanted = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
        String text = search == null || search.isBlank() ? null : search.strip();
        String wantedTag = tag == null || tag.isBlank() ? null : tag;
        List<StoredTask> tasks = services.tasks().query(new TaskQuery(wanted, accountId, text,
                from == null && limit != null ? limit : 0, 0, false, starred, wantedTag));
        if (from != null) {
            tasks = tasks.stream().filter(t -> !createdAt(t).isBefore(from)).limit(limit == null ? Long.MAX_VALUE
                    : limit).toList();
        }
        // On stderr, so --json output stays valid: after a rebuild, an empty list is not "nothing happened".
        CacheRecovery.rebuildNotice(services.settings(), services.accounts())
                .ifPresent(notice -> context.err().println("reelwatch: " + notice));
        PrintWriter out = context.out();
        switch (chosen) {
            case JSON -> {
                ArrayNode array = Json.mapper().createArrayNode();
                tasks.forEach(t -> array.add(TaskJson.of(t)));
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            }
            case NDJSON -> tasks.forEach(t -> out.println(TaskJson.of(t).toString()));
            case CSV -> {
                // RFC 4180 ends every line with CRLF, whatever the platform's line separator.
                out.print(HistoryCsv.headerLine());
                tasks.forEach(t -> out.print(HistoryCsv.line(t)));
                out.flush();
            }
            case TABLE -> table(services, tasks, wanted, accountId, text, wantedTag, from);
        }
        return CommandLine.ExitCode.OK;
    }

    private Format chosenFormat() {
        if (json && format != null && format != Format.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--json means --format json; give one or the other");
        }
        return json ? Format.JSON : format == null ? Format.TABLE : format;
    }

    private void table(CliServices services, List<StoredTask> tasks, Set<TaskStatus> wanted, Long accountId,
                       String text, String wantedTag, Instant from) {
        PrintWriter out = context.out();
        if (tasks.isEmpty()) {
            boolean filtered = !wanted.isEmpty() || accountId != null || text != null || starred
                    || wantedTag != null || from != null;
            out.println(filtered && services.tasks().count(TaskQuery.all()) > 0
                    ? "No cached tasks match these filters."
                    : "No tasks cached yet. Add an account with `reelwatch accounts add` and run `reelwatch sync`.");
            return;
        }
        Terminal terminal = context.terminal();
        boolean full = wide || !terminal.interactive();
        IdPrefixes prefixes = full ? null : prefixes(services);
        TextTable table = full
                ? new TextTable(UNLIMITED, List.of("STATUS", "ACCOUNT", "ID", "PROGRESS", "CREATED (UTC)", "PROMPT"),
                UNLIMITED, UNLIMITED, UNLIMITED, 8, 16)
                : new TextTable(TableWidth.COLUMNS,
                List.of("STATUS", "ACCOUNT", "ID", "PROGRESS", "CREATED (UTC)", "PROMPT"), 9, 12, ID_CAP, 8, 16);
        if (terminal.colours()) {
            table.styled((column, cell) -> column == 0 ? StatusColours.of(cell) : null);
        }
        for (StoredTask stored : tasks) {
            Task task = stored.task();
            String id = prefixes == null ? task.providerTaskId() : prefixes.shortest(task.providerTaskId());
            table.addRow(task.status().wireName(), stored.accountName(), (stored.starred() ? "★ " : "") + id,
                    progress(task), created(createdAt(stored)), full ? oneLinePrompt(task) : task.promptFirstLine());
        }
        table.print(out);
        out.println(HumanText.number(tasks.size()) + (tasks.size() == 1 ? " task" : " tasks"));
    }

    private static IdPrefixes prefixes(CliServices services) {
        List<String> ids = new ArrayList<>();
        for (Account a : services.accounts().all()) {
            ids.addAll(services.tasks().providerTaskIds(a.id()));
        }
        return new IdPrefixes(ids);
    }

    /** A failed or cancelled task shows no percentage: how far it got says nothing useful. */
    static String progress(Task task) {
        TaskStatus s = task.status();
        if (task.progress() == null || s == TaskStatus.FAILED || s == TaskStatus.CANCELLED
                || s == TaskStatus.EXPIRED) {
            return "-";
        }
        return task.progress() + "%";
    }

    private static String oneLinePrompt(Task task) {
        return task.prompt() == null ? "" : task.prompt().strip();
    }

    /** When the provider gave no creation time, when we first saw the task is the next best thing. */
    private static Instant createdAt(StoredTask stored) {
        return stored.task().createdAt() != null ? stored.task().createdAt() : stored.firstSeenAt();
    }

    private static String created(Instant when) {
        return when == null ? "-" : CREATED.format(when);
    }

    private Instant parseSince(String text) {
        String t = text.strip();
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException notAnInstant) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--since wants a date like 2026-11-01"
                        + " or a time like 2026-11-01T08:00:00Z, not '" + t + "'");
            }
        }
    }

    /** Reads --format case-insensitively and names the choices when it is wrong. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a format; use table, json, ndjson or csv");
            }
        }
    }
}
