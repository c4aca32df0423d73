package dev.reelwatch.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One group's tasks and cost in one day or week (the period starting on {@code start}). */
public record UsageBucket(LocalDate start, String group, int tasks, int succeeded, int failed,
                          Map<CostKey, BigDecimal> cost) {

    public UsageBucket {
        cost = Collections.unmodifiableMap(new TreeMap<>(cost));
    }
}
