package dev.reelwatch.usage;

import dev.reelwatch.core.CostUnit;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage figures over {@link UsageFixture}, read back from a real cache, checked against the hand-made table. */
class UsageReportTest {
    private static final CostKey TOKENS = new CostKey(CostUnit.TOKENS, "");
    private static final CostKey CREDITS = new CostKey(CostUnit.CREDITS, "");
    private static final CostKey USD = new CostKey(CostUnit.CURRENCY, "USD");
    private static final CostKey EUR = new CostKey(CostUnit.CURRENCY, "EUR");

    @TempDir
    Path dir;
    Database db;
    List<StoredTask> tasks;

    @BeforeEach
    void fill() {
        db = Database.open(dir.resolve("cache.db"));
        SqliteTaskStore store = new SqliteTaskStore(db, new AdjustableClock(Instant.parse("2025-03-13T00:00:00Z")));
        UsageFixture.fill(new SqliteAccountStore(db), store);
        tasks = store.query(TaskQuery.all());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void byProviderCountsOutcomesAndKeepsEveryBillingUnitApart() {
        UsageReport r = UsageReport.of(tasks, UsageGrouping.PROVIDER, UsagePeriod.WEEK, UsageFixture.SINCE, ZoneOffset.UTC);

        assertEquals(List.of("meshapi", "phaseo", "hedra"), r.groups().stream().map(UsageGroup::group).toList());
        UsageGroup mesh = r.groups().get(0);
        assertEquals(List.of(4, 3, 1), List.of(mesh.tasks(), mesh.succeeded(), mesh.failed()));
        assertEquals(Map.of(TOKENS, new BigDecimal("3200")), mesh.cost());
        assertEquals(0.75, mesh.successRate().orElseThrow(), 1e-9);
        UsageGroup phaseo = r.groups().get(1);
        assertEquals(List.of(4, 2, 1), List.of(phaseo.tasks(), phaseo.succeeded(), phaseo.failed()));
        assertEquals(Map.of(USD, new BigDecimal("1.00"), EUR, new BigDecimal("0.10")), phaseo.cost(),
                "dollars and euros are never added together");
        UsageGroup hedra = r.groups().get(2);
        assertEquals(Map.of(CREDITS, new BigDecimal("12")), hedra.cost());
        assertEquals(1.0, hedra.successRate().orElseThrow(), 1e-9, "the running task is not decided yet");
        assertEquals(List.of(TOKENS, CREDITS, EUR, USD), List.copyOf(r.costKeys()));
    }

    @Test
    void byModelGivesSuccessRateAndMedianTimeToFinish() {
        UsageReport r = UsageReport.of(tasks, UsageGrouping.MODEL, UsagePeriod.DAY, UsageFixture.SINCE, ZoneOffset.UTC);

        assertEquals(List.of("veo-3", "kling-1.6", "character-3"), r.groups().stream().map(UsageGroup::group).toList());
        UsageGroup veo = r.groups().get(0);
        assertEquals(List.of(5, 4, 1), List.of(veo.tasks(), veo.succeeded(), veo.failed()));
        assertEquals(Map.of(TOKENS, new BigDecimal("3200"), USD, new BigDecimal("0.60")), veo.cost(),
                "one model sold by two providers in two units");
        assertEquals(0.8, veo.successRate().orElseThrow(), 1e-9);
        assertEquals(Duration.ofSeconds(150), veo.medianTime(), "median of 60, 120, 180, 240 s (failures left out)");
        UsageGroup kling = r.groups().get(1);
        assertEquals(0.5, kling.successRate().orElseThrow(), 1e-9);
        assertEquals(Duration.ofSeconds(300), kling.medianTime());
        assertEquals(Duration.ofSeconds(90), r.groups().get(2).medianTime());
    }

    @Test
    void weeksStartOnMondayAndEveryWeekSinceTheStartIsListed() {
        UsageReport r = UsageReport.of(tasks, UsageGrouping.PROVIDER, UsagePeriod.WEEK, UsageFixture.SINCE, ZoneOffset.UTC);

        assertEquals(List.of(LocalDate.parse("2025-02-24"), LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-03-10")), r.periods(), "the week holding the first day counted comes first");
        UsageBucket meshFirst = r.bucket(LocalDate.parse("2025-03-03"), "meshapi").orElseThrow();
        assertEquals(3, meshFirst.tasks());
        assertEquals(Map.of(TOKENS, new BigDecimal("2700")), meshFirst.cost());
        UsageBucket phaseoSecond = r.bucket(LocalDate.parse("2025-03-10"), "phaseo").orElseThrow();
        assertEquals(2, phaseoSecond.tasks());
        assertEquals(Map.of(USD, new BigDecimal("0.60"), EUR, new BigDecimal("0.10")), phaseoSecond.cost());
        assertTrue(r.bucket(LocalDate.parse("2025-02-24"), "meshapi").isEmpty(), "the old task is before since");
    }

    @Test
    void withoutASinceEveryTaskCountsAndDaysAreInTheGivenZone() {
        UsageReport all = UsageReport.of(tasks, UsageGrouping.MODEL, UsagePeriod.DAY, null, ZoneOffset.UTC);
        assertEquals(11, all.groups().stream().mapToInt(UsageGroup::tasks).sum());
        assertEquals(LocalDate.parse("2025-02-20"), all.periods().get(0));
        assertEquals(LocalDate.parse("2025-03-12"), all.periods().get(all.periods().size() - 1));
        assertEquals(21, all.periods().size(), "every day from the first to the last, empty ones too");

        // At UTC+14, 10:00 and 11:00 UTC on 2025-03-03 are already 2025-03-04.
        UsageReport utc = UsageReport.of(tasks, UsageGrouping.MODEL, UsagePeriod.DAY, UsageFixture.SINCE,
                ZoneOffset.UTC);
        UsageReport kiritimati = UsageReport.of(tasks, UsageGrouping.MODEL, UsagePeriod.DAY, UsageFixture.SINCE,
                ZoneId.of("Pacific/Kiritimati"));
        assertEquals(1, utc.bucket(LocalDate.parse("2025-03-04"), "veo-3").orElseThrow().tasks());
        assertEquals(3, kiritimati.bucket(LocalDate.parse("2025-03-04"), "veo-3").orElseThrow().tasks());
    }

    @Test
    void periodsRunOnToTheGivenLastDayWithoutTasks() {
        UsageReport r = UsageReport.of(tasks, UsageGrouping.PROVIDER, UsagePeriod.DAY, LocalDate.parse("2025-03-10"),
                LocalDate.parse("2025-03-15"), ZoneOffset.UTC);
        assertEquals(6, r.periods().size());
        assertEquals(LocalDate.parse("2025-03-15"), r.periods().get(5));
    }

    @Test
    void csvHasOneCostColumnPerUnit() {
        UsageReport r = UsageReport.of(tasks, UsageGrouping.PROVIDER, UsagePeriod.WEEK, UsageFixture.SINCE, ZoneOffset.UTC);

        List<String> lines = r.toCsv().lines().toList();
        assertEquals("period_start,group,tasks,succeeded,failed,cost_tokens,cost_credits,cost_EUR,cost_USD", lines.get(0));
        assertEquals(List.of(
                "2025-03-03,hedra,1,1,0,,12,,",
                "2025-03-03,meshapi,3,2,1,2700,,,",
                "2025-03-03,phaseo,2,1,0,,,,0.40",
                "2025-03-10,hedra,1,0,0,,,,",
                "2025-03-10,meshapi,1,1,0,500,,,",
                "2025-03-10,phaseo,2,1,1,,,0.10,0.60"), lines.subList(1, lines.size()));
    }
}
