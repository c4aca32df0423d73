package dev.reelwatch.ui.usage;

/** One line of the usage table, as display text (the rate as 0..1 for the bar, -1 when unknown). */
public record UsageLine(String group, int tasks, int succeeded, int failed, double successRate, String successText,
                        String medianText, String costText) {
}
