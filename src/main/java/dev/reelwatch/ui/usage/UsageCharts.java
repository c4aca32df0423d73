package dev.reelwatch.ui.usage;

import java.util.List;

/**
 * What the usage view draws, computed from a report: the period labels, tasks per period per group, one cost
 * chart per billing unit, the success rate per group, and the table lines.
 */
public record UsageCharts(List<String> categories, List<ChartSeries> tasks, List<CostChart> costs,
                          List<ChartSeries> successRates, List<UsageLine> lines) {

    public static final UsageCharts EMPTY = new UsageCharts(List.of(), List.of(), List.of(), List.of(), List.of());

    public UsageCharts {
        categories = List.copyOf(categories);
        tasks = List.copyOf(tasks);
        costs = List.copyOf(costs);
        successRates = List.copyOf(successRates);
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
