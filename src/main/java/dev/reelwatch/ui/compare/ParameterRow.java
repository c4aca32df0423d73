package dev.reelwatch.ui.compare;

import java.util.List;

/** One line of the side-by-side parameter table: a name, each task's value ("" when it has none), and whether they differ. */
public record ParameterRow(String label, List<String> values, boolean differs) {

    public ParameterRow {
        values = List.copyOf(values);
    }

    static ParameterRow of(String label, List<String> values) {
        return new ParameterRow(label, values, values.stream().distinct().count() > 1);
    }
}
