package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.FailureGroup;
import dev.reelwatch.store.FailureGroups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code reelwatch failures [--account NAME] [--since DATE] [--json]}: the cached failed tasks grouped by
 * provider and error code (without a code: by the message with ids, numbers and URLs masked), largest first.
 */
@Command(name = "failures", sortOptions = false,
        description = {"Failed tasks grouped by cause: provider and error code, or the message when there is no code.",
                "Largest group first, from the local cache (run `reelwatch sync` first for the latest)."})
final class FailuresCommand implements Callable<Integer> {
    private static final int INDENT = 7;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account's failures.")
    private String account;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only failures on or after this day (YYYY-MM-DD, UTC) or instant (2025-03-01T12:00:00Z).")
    private String since;

    @Option(names = "--json", description = "Print one JSON array of {provider, code, message, count, first_at,"
            + " last_at, accounts, models, examples}.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    FailuresCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : parseSince(since.strip());
        Long accountId = null;
        if (account != null) {
            Account a = context.services().accounts().byName(account.strip()).orElseThrow(() -> new CliFailure(
                    "There is no account named '" + account.strip() + "'. See `reelwatch accounts list`."));
            accountId = a.id();
        }
        List<FailureGroup> groups = FailureGroups.group(context.services().tasks().failedTasks(accountId, from));
        if (json) {
            context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(groups)));
            return CommandLine.ExitCode.OK;
        }
        if (groups.isEmpty()) {
            context.out().println("No failed tasks" + (account == null ? "" : " for '" + account.strip() + "'")
                    + (since == null ? "" : " since " + since.strip()) + ".");
            return CommandLine.ExitCode.OK;
        }
        print(context.out(), groups);
        return CommandLine.ExitCode.OK;
    }

    private Instant parseSince(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--since wants a day like 2025-03-01 or an instant like 2025-03-01T12:00:00Z, not '"
                                + text + "'");
            }
        }
    }

    static ArrayNode toJson(List<FailureGroup> groups) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (FailureGroup g : groups) {
            ObjectNode node = array.addObject();
            node.put("provider", g.provider().cliName());
            node.put("code", g.codeIfAny().orElse(null));
            node.put("message", g.message().isEmpty() ? null : g.message());
            node.put("count", g.count());
            node.put("first_at", g.firstAt().toString());
            node.put("last_at", g.lastAt().toString());
            g.accounts().forEach(node.putArray("accounts")::add);
            g.models().forEach(node.putArray("models")::add);
            g.examples().forEach(node.putArray("examples")::add);
            ensureArrays(node);
        }
        return array;
    }

    /** Empty lists still appear, as []: scripts can iterate without checking. */
    private static void ensureArrays(ObjectNode node) {
        for (String field : List.of("accounts", "models", "examples")) {
            if (!node.has(field)) {
                node.putArray(field);
            }
        }
    }

    /**
     * One heading line per group (count, provider, code, last failure, accounts), then the provider's message
     * and the details indented below it.
     */
    static void print(PrintWriter out, List<FailureGroup> groups) {
        int providerWidth = "PROVIDER".length();
        int codeWidth = "CODE".length();
        for (FailureGroup g : groups) {
            providerWidth = Math.max(providerWidth, g.provider().cliName().length());
            codeWidth = Math.max(codeWidth, code(g).length());
        }
        codeWidth = Math.min(codeWidth, 36);
        String format = "%5s  %-" + providerWidth + "s  %-" + codeWidth + "s  %-11s  %s";
        out.println(String.format(format, "COUNT", "PROVIDER", "CODE", "LAST FAILED", "ACCOUNTS").stripTrailing());
        int wrap = TableWidth.COLUMNS - INDENT;
        for (FailureGroup g : groups) {
            out.println(String.format(format, g.count(), g.provider().cliName(), TextTable.fit(code(g), codeWidth),
                    g.lastAt().atZone(ZoneOffset.UTC).toLocalDate(), String.join(", ", g.accounts())).stripTrailing());
            String message = g.withoutInformation() ? "(the provider gave no error code or message)" : g.message();
            out.println(" ".repeat(INDENT) + TextTable.fit(message.replaceAll("\\s+", " "), wrap));
            StringBuilder details = new StringBuilder("first ")
                    .append(g.firstAt().atZone(ZoneOffset.UTC).toLocalDate());
            if (!g.models().isEmpty()) {
                details.append(" · models: ").append(String.join(", ", g.models()));
            }
            details.append(" · e.g. ").append(String.join(", ", g.examples()));
            out.println(" ".repeat(INDENT) + TextTable.fit(details.toString(), wrap));
        }
    }

    private static String code(FailureGroup g) {
        return g.codeIfAny().orElse(g.withoutInformation() ? "(none)" : "(no code)");
    }
}
