package dev.reelwatch.ui.usage;

import java.util.List;

/** The cost chart of one billing unit ("tokens", "credits", "USD"): never mixed with another unit. */
public record CostChart(String unit, String title, List<ChartSeries> series) {

    public CostChart {
        series = List.copyOf(series);
    }
}
