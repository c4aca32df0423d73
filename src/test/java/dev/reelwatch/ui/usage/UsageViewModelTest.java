package dev.reelwatch.ui.usage;

import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.usage.UsageFixture;
import dev.reelwatch.usage.UsageGrouping;
import dev.reelwatch.usage.UsagePeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage view's figures over {@link UsageFixture}, "today" being 2025-03-13 (UTC). */
class UsageViewModelTest {
    @TempDir
    Path dir;
    private TestCache cache;
    private UsageViewModel vm;
    private Locale locale;

    @BeforeEach
    void setUp() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.UK);
        AdjustableClock clock = new AdjustableClock(Instant.parse("2025-03-13T12:00:00Z"));
        cache = new TestCache(dir, clock);
        UsageFixture.fill(cache.accounts, cache.tasks);
        vm = new UsageViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.direct()),
                TestExecutors.direct(), clock, ZoneOffset.UTC);
        vm.reload();
    }

    @AfterEach
    void tearDown() {
        Locale.setDefault(locale);
        vm.close();
        cache.close();
    }

    @Test
    void theLast30DaysPerDayByProviderIsTheDefault() {
        UsageCharts charts = vm.chartsProperty().get();
        assertEquals(30, charts.categories().size());
        assertEquals("12 Feb", charts.categories().get(0));
        assertEquals("13 Mar", charts.categories().get(29));
        assertEquals(List.of("meshapi", "phaseo", "hedra"), charts.lines().stream().map(UsageLine::group).toList(),
                "the old task of 20 Feb is in range too, so meshapi has five");
        assertEquals(5, charts.lines().get(0).tasks());
        ChartSeries mesh = charts.tasks().get(0);
        assertEquals(2, mesh.values().get(charts.categories().indexOf("3 Mar")));
        assertEquals(1, mesh.values().get(charts.categories().indexOf("20 Feb")));
    }

    @Test
    void byModelPerWeekShowsRateMedianAndOneCostChartPerUnit() {
        vm.rangeProperty().set(UsageRange.LAST_7_DAYS);
        vm.periodProperty().set(UsagePeriod.WEEK);
        vm.groupingProperty().set(UsageGrouping.MODEL);

        UsageCharts charts = vm.chartsProperty().get();
        assertEquals(List.of("Week of 3 Mar", "Week of 10 Mar"), charts.categories());
        UsageLine veo = charts.lines().get(0);
        assertEquals("veo-3", veo.group());
        assertEquals(List.of(2, 2, 0), List.of(veo.tasks(), veo.succeeded(), veo.failed()),
                "since 7 Mar only m4 and p3 (both succeeded) count");
        assertEquals(List.of("tokens", "EUR", "USD"), charts.costs().stream().map(CostChart::unit).toList(),
                "no credits were spent since 7 Mar, so there is no credits chart");
        CostChart usd = charts.costs().get(2);
        assertEquals(List.of("veo-3"), usd.series().stream().map(ChartSeries::name).toList(),
                "a unit's chart holds only the groups billed in it");
    }

    @Test
    void allTimeTableTextKeepsUnitsApart() {
        vm.rangeProperty().set(UsageRange.ALL);
        vm.groupingProperty().set(UsageGrouping.MODEL);

        UsageLine veo = vm.chartsProperty().get().lines().get(0);
        assertEquals("80%", veo.successText());
        assertEquals("2 min 30 s", veo.medianText());
        assertEquals("3,200 tokens · 0.60 USD", veo.costText());
        UsageLine character = vm.chartsProperty().get().lines().stream()
                .filter(l -> l.group().equals("character-3")).findFirst().orElseThrow();
        assertEquals("12 credits", character.costText());
        assertEquals("1 min 30 s", character.medianText());
    }

    @Test
    void csvIsExportedToAFileAndNewTasksShowUp() throws Exception {
        vm.rangeProperty().set(UsageRange.ALL);
        Path file = dir.resolve("usage.csv");
        AtomicReference<Throwable> failure = new AtomicReference<>(new IllegalStateException("not called"));
        vm.exportCsv(file, failure::set);

        assertNull(failure.get());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("period_start,group,tasks,succeeded,failed,cost_tokens,cost_credits,cost_EUR,cost_USD\n"));
        assertTrue(csv.contains("\n2025-03-03,meshapi,2,2,0,2500,,,\n"), csv);
        assertEquals("reelwatch-usage-by-provider-2025-03-13.csv", vm.suggestedFileName());

        cache.tasks.removeFromHistory(List.of(cache.tasks.query(dev.reelwatch.store.TaskQuery.all()).get(0).id()));
        assertEquals(10, vm.chartsProperty().get().lines().stream().mapToInt(UsageLine::tasks).sum(),
                "the view follows the cache");
    }
}
