package dev.reelwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of one benchmark, in milliseconds, with the percentiles the figures report. */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double millis) {
        values.add(millis);
    }

    int size() {
        return values.size();
    }

    double median() {
        return percentile(50);
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
