package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.usage.CostKey;
import dev.reelwatch.usage.UsageGroup;
import dev.reelwatch.usage.UsageGrouping;
import dev.reelwatch.usage.UsagePeriod;
import dev.reelwatch.usage.UsageReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code reelwatch usage}: tasks, outcomes and cost per provider or model, from the local cache. */
@Command(name = "usage", sortOptions = false,
        description = {"Tasks, successes, failures and cost per provider or model, from the local cache.",
                "Costs are shown per billing unit (tokens, credits, each currency) and never added across units."})
final class UsageCommand implements Callable<Integer> {

    @Option(names = "--by", paramLabel = "provider|model", defaultValue = "provider",
            description = "Group by provider (default) or model.")
    private String by;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only tasks created on or after this day (YYYY-MM-DD, UTC).")
    private String since;

    @Option(names = "--json", description = "Print one JSON array of {group, tasks, succeeded, failed, cost}.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    UsageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        UsageGrouping grouping = UsageGrouping.fromCliName(by).orElseThrow(() -> new CommandLine.ParameterException(
                new CommandLine(this), "--by must be 'provider' or 'model', not '" + by + "'"));
        LocalDate from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--since wants a day like 2025-03-01, not '" + since + "'");
            }
        }
        UsageReport report = UsageReport.of(context.services().tasks().query(TaskQuery.all()), grouping,
                UsagePeriod.DAY, from, ZoneOffset.UTC);
        if (json) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (UsageGroup g : report.groups()) {
                ObjectNode node = array.addObject();
                node.put("group", g.group());
                node.put("tasks", g.tasks());
                node.put("succeeded", g.succeeded());
                node.put("failed", g.failed());
                ArrayNode cost = node.putArray("cost");
                for (Map.Entry<CostKey, BigDecimal> e : g.cost().entrySet()) {
                    ObjectNode c = cost.addObject();
                    c.put("amount", e.getValue());
                    c.put("unit", e.getKey().label());
                }
            }
            context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return CommandLine.ExitCode.OK;
        }
        if (report.groups().isEmpty()) {
            context.out().println(from == null ? "No tasks cached yet." : "No cached tasks since " + from + ".");
            return CommandLine.ExitCode.OK;
        }
        TextTable table = new TextTable(TableWidth.COLUMNS, List.of(grouping == UsageGrouping.MODEL ? "MODEL"
                : "PROVIDER", "TASKS", "OK", "FAILED", "SUCCESS", "MEDIAN", "COST"), 24, 6, 6, 6, 7, 8);
        for (UsageGroup g : report.groups()) {
            table.addRow(g.group(), HumanText.number(g.tasks()), HumanText.number(g.succeeded()),
                    HumanText.number(g.failed()),
                    g.successRate().map(r -> Math.round(r * 100) + "%").orElse("-"),
                    g.median().map(UsageCommand::duration).orElse("-"), cost(g.cost()));
        }
        table.print(context.out());
        context.out().println("Median: time from created to finished of succeeded tasks."
                + (from == null ? "" : " Since " + from + " (UTC)."));
        return CommandLine.ExitCode.OK;
    }

    private static String cost(Map<CostKey, BigDecimal> cost) {
        if (cost.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        // Grouped for reading, as the app shows them: "6,534,000 tokens".
        cost.forEach((k, v) -> parts.add((k.unit() == dev.reelwatch.core.CostUnit.CURRENCY
                ? HumanText.number(v, 2, 4) : HumanText.number(v, 0, 4)) + " " + k.label()));
        return String.join(", ", parts);
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
