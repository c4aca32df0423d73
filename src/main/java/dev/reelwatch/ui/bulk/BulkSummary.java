package dev.reelwatch.ui.bulk;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The one summary of a batch: "12 exported · 2 skipped: link expired · 1 failed: disk full", and the details
 * behind it (each skipped or failed task with its reason), one line per task.
 */
public record BulkSummary(BulkAction action, int done, Map<String, Integer> skipped, Map<String, Integer> failed,
                          List<BulkOutcome> problems, boolean cancelled, int notReached) {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.bulk.messages");

    public BulkSummary {
        // Insertion order is the summary's order (most common reason first), so no Map.copyOf here.
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        problems = List.copyOf(problems);
    }

    /** Tallies the outcomes; {@code notReached} tasks were left when the batch was cancelled. */
    static BulkSummary of(BulkAction action, List<BulkOutcome> outcomes, boolean cancelled, int notReached) {
        int done = 0;
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        List<BulkOutcome> problems = new ArrayList<>();
        for (BulkOutcome o : outcomes) {
            switch (o.result()) {
                case DONE -> done++;
                case SKIPPED -> skipped.merge(o.reason(), 1, Integer::sum);
                case FAILED -> failed.merge(o.reason(), 1, Integer::sum);
            }
            if (o.result() != BulkOutcome.Result.DONE) {
                problems.add(o);
            }
        }
        return new BulkSummary(action, done, new LinkedHashMap<>(sortedByCount(skipped)),
                new LinkedHashMap<>(sortedByCount(failed)), problems, cancelled, notReached);
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean hasDetails() {
        return !problems.isEmpty();
    }

    /** "12 exported · 2 skipped: link expired · 1 failed: disk full" (reasons by count, most first). */
    public String text() {
        NumberFormat n = NumberFormat.getIntegerInstance();
        List<String> parts = new ArrayList<>();
        parts.add(n.format(done) + " " + TEXT.getString("done." + action.name()));
        skipped.forEach((why, count) -> parts.add(String.format(TEXT.getString("summary.skipped"), n.format(count), why)));
        failed.forEach((why, count) -> parts.add(String.format(TEXT.getString("summary.failed"), n.format(count), why)));
        if (cancelled) {
            parts.add(String.format(TEXT.getString("summary.cancelled"), n.format(notReached)));
        }
        return String.join(" · ", parts);
    }

    /** One line per skipped or failed task: "Skipped · 5f3a… (studio): link expired". */
    public List<String> detailLines() {
        List<String> lines = new ArrayList<>();
        for (BulkOutcome o : problems) {
            lines.add(String.format(TEXT.getString(o.result() == BulkOutcome.Result.FAILED ? "detail.failed"
                    : "detail.skipped"), o.label(), o.detail()));
        }
        return lines;
    }
}
