package dev.reelwatch.ui.usage;

import java.util.List;

/** One coloured series of a chart: a group's value for each category (period), in category order. */
public record ChartSeries(String name, List<Number> values) {

    public ChartSeries {
        values = List.copyOf(values);
    }
}
