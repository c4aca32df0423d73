package dev.reelwatch.bench;

import java.util.Locale;

/**
 * One line of the benchmarks table, printed as {@code FIGURE|name|reelwatch|baseline|ratio|goal|verdict} so
 * {@code scripts/bench.sh} can collect the lines of every benchmark into one table.
 */
record Figure(String name, String reelwatch, String baseline, String ratio, String goal, boolean met) {

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.0f ms", value);
    }

    void print() {
        System.out.println(String.join("|", "FIGURE", name, reelwatch, baseline, ratio, goal, met ? "met" : "MISSED"));
    }
}
