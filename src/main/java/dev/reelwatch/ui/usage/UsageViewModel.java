package dev.reelwatch.ui.usage;

import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.usage.CostKey;
import dev.reelwatch.usage.UsageBucket;
import dev.reelwatch.usage.UsageGroup;
import dev.reelwatch.usage.UsageGrouping;
import dev.reelwatch.usage.UsagePeriod;
import dev.reelwatch.usage.UsageReport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The usage view's state: reads every cached task off the FX thread, builds a {@link UsageReport} for the
 * chosen grouping, period and range, and turns it into chart series and table lines; recomputes when the
 * cache changes. Costs stay per billing unit throughout.
 */
public final class UsageViewModel implements AutoCloseable {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.usage.messages");

    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final TaskExecutor executor;
    private final LatestRequest computations = new LatestRequest();
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<TaskChange> listener = change -> reload();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile List<StoredTask> tasks = List.of();

    private final ObjectProperty<UsageGrouping> grouping = new SimpleObjectProperty<>(this, "grouping", UsageGrouping.PROVIDER);
    private final ObjectProperty<UsagePeriod> period = new SimpleObjectProperty<>(this, "period", UsagePeriod.DAY);
    private final ObjectProperty<UsageRange> range = new SimpleObjectProperty<>(this, "range", UsageRange.LAST_30_DAYS);
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<UsageCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts", UsageCharts.EMPTY);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public UsageViewModel(TaskStore store, StoreChangeRelay relay, TaskExecutor executor, Clock clock, ZoneId zone) {
        this.store = store;
        this.relay = relay;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        grouping.addListener(o -> recompute());
        period.addListener(o -> recompute());
        range.addListener(o -> recompute());
        relay.subscribe(listener);
    }

    /** Reads the cache again (coalesced: a burst of store changes makes one read). */
    public void reload() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.wrap(() -> {
            queued.set(false);
            return store.query(TaskQuery.all());
        }).describedAs("Loading usage")
                .onSuccess(fresh -> {
                    tasks = fresh;
                    loaded.set(true);
                    recompute();
                })
                // The problem area says what failed; the window does not stay on "Loading…".
                .andOnFailure(e -> loaded.set(true))
                .executeWith(executor);
    }

    private void recompute() {
        List<StoredTask> snapshot = tasks;
        UsageGrouping g = grouping.get();
        UsagePeriod p = period.get();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate since = range.get().since(today);
        BackgroundTask.wrap(() -> {
            UsageReport r = UsageReport.of(snapshot, g, p, since, today, zone);
            return new Computed(r, charts(r));
        }).describedAs("Computing usage")
                .latestOf(computations)
                .onSuccess(computed -> {
                    report.set(computed.report());
                    charts.set(computed.charts());
                })
                .executeWith(executor);
    }

    private record Computed(UsageReport report, UsageCharts charts) {
    }

    /** The chart data and table lines of a report (pure; public for tests and the CLI-like CSV check). */
    public static UsageCharts charts(UsageReport r) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.getDefault());
        List<String> categories = r.periods().stream().map(d -> r.period() == UsagePeriod.WEEK
                ? String.format(TEXT.getString("category.week"), day.format(d)) : day.format(d)).toList();
        List<String> groups = r.groups().stream().map(UsageGroup::group).toList();
        List<ChartSeries> taskSeries = new ArrayList<>();
        for (String g : groups) {
            List<Number> values = new ArrayList<>();
            for (LocalDate d : r.periods()) {
                values.add(r.bucket(d, g).map(UsageBucket::tasks).orElse(0));
            }
            taskSeries.add(new ChartSeries(g, values));
        }
        List<CostChart> costs = new ArrayList<>();
        for (CostKey key : r.costKeys()) {
            List<ChartSeries> series = new ArrayList<>();
            for (UsageGroup g : r.groups()) {
                if (!g.cost().containsKey(key)) {
                    continue;
                }
                List<Number> values = new ArrayList<>();
                for (LocalDate d : r.periods()) {
                    values.add(r.bucket(d, g.group()).map(b -> b.cost().getOrDefault(key, BigDecimal.ZERO))
                            .orElse(BigDecimal.ZERO).doubleValue());
                }
                series.add(new ChartSeries(g.group(), values));
            }
            costs.add(new CostChart(key.label(), String.format(TEXT.getString("chart.cost"), key.label()), series));
        }
        List<ChartSeries> rates = new ArrayList<>();
        List<UsageLine> lines = new ArrayList<>();
        for (UsageGroup g : r.groups()) {
            double rate = g.successRate().orElse(-1.0);
            if (rate >= 0) {
                rates.add(new ChartSeries(g.group(), List.of(rate * 100)));
            }
            lines.add(new UsageLine(g.group(), g.tasks(), g.succeeded(), g.failed(), rate,
                    rate < 0 ? "—" : Math.round(rate * 100) + "%",
                    g.median().map(UsageViewModel::duration).orElse("—"), cost(g.cost())));
        }
        return new UsageCharts(categories, taskSeries, costs, rates, lines);
    }

    /** "3200 tokens · 0.60 USD": one amount per unit, never added across. */
    static String cost(Map<CostKey, BigDecimal> cost) {
        if (cost.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        cost.forEach((k, v) -> parts.add(amount(k, v) + " " + k.label()));
        return String.join(" · ", parts);
    }

    /** "513,694" tokens, "12.5" credits, "61.28" of a currency, in the user's locale. */
    static String amount(CostKey key, BigDecimal value) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance();
        if (key.unit() == dev.reelwatch.core.CostUnit.CURRENCY) {
            f.setMinimumFractionDigits(2);
            f.setMaximumFractionDigits(2);
        } else {
            f.setMaximumFractionDigits(2);
        }
        return f.format(value);
    }

    /** "45 s", "2 min 30 s", "1 h 05 min". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : String.format(Locale.ROOT, " %02d s", s % 60));
        }
        return s / 3600 + " h" + String.format(Locale.ROOT, " %02d min", s / 60 % 60);
    }

    /** The figures as CSV (one cost column per unit), for "Export CSV…". */
    public String csv() {
        UsageReport r = report.get();
        return r == null ? "" : r.toCsv();
    }

    /** Writes {@link #csv()} to {@code file} in the background; {@code done} hears null or the failure, on the UI. */
    public void exportCsv(Path file, Consumer<Throwable> done) {
        String text = csv();
        BackgroundTask.wrap(() -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }).describedAs("Saving usage as CSV")
                .onSuccess(written -> done.accept(null))
                .onFailure(done)
                .executeWith(executor);
    }

    /** A file name like "reelwatch-usage-by-model-2025-03-13.csv". */
    public String suggestedFileName() {
        return "reelwatch-usage-by-" + grouping.get().cliName() + "-" + LocalDate.now(clock.withZone(zone)) + ".csv";
    }

    public ObjectProperty<UsageGrouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<UsagePeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<UsageRange> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UsageCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    @Override
    public void close() {
        relay.unsubscribe(listener);
    }
}
