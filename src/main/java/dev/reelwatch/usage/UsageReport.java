package dev.reelwatch.usage;

import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Usage figures over cached tasks: per provider or model, per day or week, with each billing unit kept apart.
 * A task counts on the day it was created (when we first saw it, if the provider gave no time), in {@code zone}.
 */
public record UsageReport(UsageGrouping grouping, UsagePeriod period, LocalDate since, List<UsageGroup> groups,
                          List<UsageBucket> buckets, List<LocalDate> periods, SortedSet<CostKey> costKeys) {

    public UsageReport {
        groups = List.copyOf(groups);
        buckets = List.copyOf(buckets);
        periods = List.copyOf(periods);
        costKeys = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(costKeys));
    }

    /**
     * @param since first day counted (inclusive, in {@code zone}); null counts every task
     */
    public static UsageReport of(Collection<StoredTask> tasks, UsageGrouping grouping, UsagePeriod period,
                                 LocalDate since, ZoneId zone) {
        return of(tasks, grouping, period, since, null, zone);
    }

    /**
     * @param until the last day the periods run to even without tasks (today, for a chart); null: the last task's
     */
    public static UsageReport of(Collection<StoredTask> tasks, UsageGrouping grouping, UsagePeriod period,
                                 LocalDate since, LocalDate until, ZoneId zone) {
        Instant from = since == null ? null : since.atStartOfDay(zone).toInstant();
        Map<String, Tally> byGroup = new TreeMap<>();
        Map<LocalDate, Map<String, Tally>> byPeriod = new TreeMap<>();
        Map<String, List<Duration>> times = new HashMap<>();
        SortedSet<CostKey> keys = new TreeSet<>();
        for (StoredTask stored : tasks) {
            Instant at = when(stored);
            if (at == null || (from != null && at.isBefore(from))) {
                continue;
            }
            Task t = stored.task();
            String group = grouping.groupOf(stored);
            LocalDate start = period.start(at, zone);
            byGroup.computeIfAbsent(group, g -> new Tally()).add(t);
            byPeriod.computeIfAbsent(start, d -> new TreeMap<>()).computeIfAbsent(group, g -> new Tally()).add(t);
            if (t.cost() != null) {
                keys.add(CostKey.of(t.cost()));
            }
            timeToFinish(stored).ifPresent(d -> times.computeIfAbsent(group, g -> new ArrayList<>()).add(d));
        }
        List<UsageGroup> groups = new ArrayList<>();
        byGroup.forEach((name, tally) -> groups.add(new UsageGroup(name, tally.tasks, tally.succeeded, tally.failed,
                tally.cost, median(times.getOrDefault(name, List.of())))));
        groups.sort(Comparator.comparingInt(UsageGroup::tasks).reversed().thenComparing(UsageGroup::group));
        List<UsageBucket> buckets = new ArrayList<>();
        byPeriod.forEach((start, perGroup) -> perGroup.forEach((name, tally) -> buckets.add(
                new UsageBucket(start, name, tally.tasks, tally.succeeded, tally.failed, tally.cost))));
        List<LocalDate> periods = new ArrayList<>();
        if (!byPeriod.isEmpty()) {
            LocalDate first = since == null ? ((TreeMap<LocalDate, ?>) byPeriod).firstKey() : period.start(from, zone);
            LocalDate last = ((TreeMap<LocalDate, ?>) byPeriod).lastKey();
            if (until != null && period.start(until.atStartOfDay(zone).toInstant(), zone).isAfter(last)) {
                last = period.start(until.atStartOfDay(zone).toInstant(), zone);
            }
            for (LocalDate d = first; !d.isAfter(last); d = period.next(d)) {
                periods.add(d);
            }
        }
        return new UsageReport(grouping, period, since, groups, buckets, periods, keys);
    }

    /** The group's bucket in the period starting on {@code start}, if it had any task then. */
    public Optional<UsageBucket> bucket(LocalDate start, String group) {
        return buckets.stream().filter(b -> b.start().equals(start) && b.group().equals(group)).findFirst();
    }

    /** Every bucket as a CSV line under a header; one cost column per billing unit, never summed across. */
    public String toCsv() {
        StringBuilder b = new StringBuilder("period_start,group,tasks,succeeded,failed");
        for (CostKey k : costKeys) {
            b.append(",cost_").append(k.label());
        }
        b.append('\n');
        for (UsageBucket u : buckets) {
            b.append(u.start()).append(',').append(csv(u.group())).append(',').append(u.tasks()).append(',')
                    .append(u.succeeded()).append(',').append(u.failed());
            for (CostKey k : costKeys) {
                BigDecimal amount = u.cost().get(k);
                b.append(',').append(amount == null ? "" : amount.toPlainString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static Instant when(StoredTask stored) {
        return stored.sortTime();
    }

    /**
     * The provider's own times when it gives both; otherwise what Reelwatch saw (first seen to seen finished),
     * which needs the task to have been seen unfinished (MoneyPrinterTurbo gives no times at all).
     */
    private static Optional<Duration> timeToFinish(StoredTask stored) {
        Task t = stored.task();
        if (t.status() != TaskStatus.SUCCEEDED) {
            return Optional.empty();
        }
        if (t.createdAt() != null && t.completedAt() != null) {
            return t.completedAt().isBefore(t.createdAt()) ? Optional.empty()
                    : Optional.of(Duration.between(t.createdAt(), t.completedAt()));
        }
        return t.createdAt() == null && t.completedAt() == null ? stored.observedRunTime() : Optional.empty();
    }

    private static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }

    /** Counts and per-unit cost being added up. */
    private static final class Tally {
        int tasks;
        int succeeded;
        int failed;
        final Map<CostKey, BigDecimal> cost = new TreeMap<>();

        void add(Task t) {
            tasks++;
            if (t.status() == TaskStatus.SUCCEEDED) {
                succeeded++;
            } else if (t.status() == TaskStatus.FAILED) {
                failed++;
            }
            if (t.cost() != null) {
                cost.merge(CostKey.of(t.cost()), t.cost().amount(), BigDecimal::add);
            }
        }
    }
}
