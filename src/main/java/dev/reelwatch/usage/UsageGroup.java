package dev.reelwatch.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The totals of one provider or model over the chosen time: how many tasks, how many succeeded and failed,
 * the cost per billing unit (never added across units), and the median time from created to finished of its
 * succeeded tasks (null when none had both times).
 */
public record UsageGroup(String group, int tasks, int succeeded, int failed, Map<CostKey, BigDecimal> cost,
                         Duration medianTime) {

    public UsageGroup {
        cost = Collections.unmodifiableMap(new TreeMap<>(cost));
    }

    /** Succeeded out of the tasks that succeeded or failed (0..1); empty while none has. */
    public Optional<Double> successRate() {
        int decided = succeeded + failed;
        return decided == 0 ? Optional.empty() : Optional.of(succeeded / (double) decided);
    }

    public Optional<Duration> median() {
        return Optional.ofNullable(medianTime);
    }
}
