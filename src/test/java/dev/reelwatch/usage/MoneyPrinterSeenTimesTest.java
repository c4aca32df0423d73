package dev.reelwatch.usage;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.moneyprinter.MoneyPrinterClient;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MoneyPrinterTurbo records have no times: Reelwatch's own first-seen and seen-finished times stand in for them in
 * the task list's order and the Usage figures (day and time to finish), and are never stored as the provider's.
 * Real simulator over loopback, real client, real SQLite.
 */
class MoneyPrinterSeenTimesTest {
    private static final Instant DAY1 = Instant.parse("2025-03-03T09:00:00Z");
    @TempDir
    Path dir;
    final AdjustableClock clock = new AdjustableClock(DAY1);
    Database db;
    SqliteTaskStore store;
    SqliteAccountStore accounts;
    MoneyPrinterSimulator sim;
    Account home;
    Account mesh;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("cache.db"));
        store = new SqliteTaskStore(db, clock);
        accounts = new SqliteAccountStore(db);
        // "early" runs from 09:00 for 4 min; "late" is made on day 3 and runs 10 min.
        sim = new MoneyPrinterSimulator(clock, List.of(
                task("early", DAY1, Duration.ofMinutes(4)),
                task("late", DAY1.plus(Duration.ofDays(2)), Duration.ofMinutes(10)))).start();
        home = accounts.add(new Account(0, ProviderKind.MONEYPRINTERTURBO, "home", sim.baseUrl(), CredentialRef.none(),
                true, false));
        mesh = accounts.add(new Account(0, ProviderKind.MESHAPI, "mesh", ProviderKind.MESHAPI.defaultBaseUrl(),
                CredentialRef.none(), true, false));
    }

    @AfterEach
    void tearDown() {
        sim.close();
        db.close();
    }

    private static SimTask task(String id, Instant created, Duration run) {
        return new SimTask(id, "Story " + id, "moneyprinterturbo", created, Duration.ZERO, run, SimOutcome.SUCCEEDED,
                DemoClips.NAMES.get(0), null, null, 1, "1080x1920", "9:16", 12, 30, 0);
    }

    /** One listing pass of the MoneyPrinterTurbo account into the cache, as the poller does. */
    private void sync() throws Exception {
        MoneyPrinterClient client = new MoneyPrinterClient(home, null, new HttpTransport(
                HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test", Duration.ofSeconds(5),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock));
        List<Task> listed = new ArrayList<>();
        client.listTasks(ListQuery.all(), page -> listed.addAll(page.tasks()));
        store.upsert(home.id(), listed);
    }

    private void passTime(Duration d) throws Exception {
        clock.advance(d);
        sync();
    }

    @Test
    void firstSeenAndSeenFinishedDriveTheOrderTheUsageDayAndTheTimeToFinish() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        sync();                                   // early: seen running at 09:00:30
        passTime(Duration.ofMinutes(5));          // early: seen finished at 09:05:30
        clock.set(DAY1.plus(Duration.ofDays(1)));
        store.upsert(mesh.id(), List.of(Task.builder("mesh-mid", TaskStatus.SUCCEEDED)
                .createdAt(DAY1.plus(Duration.ofDays(1))).completedAt(DAY1.plus(Duration.ofDays(1)).plusSeconds(60))
                .build()));
        clock.set(DAY1.plus(Duration.ofDays(2)).plusSeconds(60));
        sync();                                   // late: seen running on day 3
        passTime(Duration.ofMinutes(12));         // late: seen finished
        clock.set(DAY1.plus(Duration.ofDays(9))); // the report is drawn a week later

        StoredTask early = store.find(home.id(), "early").orElseThrow();
        assertNull(early.task().createdAt(), "never stored as the provider's time");
        assertEquals(DAY1.plusSeconds(30), early.firstSeenAt());
        assertEquals(DAY1.plusSeconds(330), early.finishedSeenAt());

        List<String> order = store.summaries(TaskQuery.all()).stream().map(TaskSummary::providerTaskId).toList();
        assertEquals(List.of("late", "mesh-mid", "early"), order,
                "MoneyPrinterTurbo tasks sort among the others by when Reelwatch first saw them");
        List<String> stored = store.query(TaskQuery.all()).stream().map(t -> t.task().providerTaskId()).toList();
        assertEquals(order, stored);

        UsageReport report = UsageReport.of(store.query(TaskQuery.all()), UsageGrouping.PROVIDER, UsagePeriod.DAY,
                null, ZoneOffset.UTC);
        assertEquals(1, report.bucket(LocalDate.parse("2025-03-03"), "moneyprinterturbo").orElseThrow().tasks(),
                "charted on the day it was first seen, not on the day of the report");
        assertEquals(1, report.bucket(LocalDate.parse("2025-03-05"), "moneyprinterturbo").orElseThrow().tasks());
        assertTrue(report.bucket(LocalDate.parse("2025-03-12"), "moneyprinterturbo").isEmpty());
        UsageGroup mpt = report.groups().stream().filter(g -> g.group().equals("moneyprinterturbo")).findFirst()
                .orElseThrow();
        // Observed: 5 min for early, 12 min for late; the median of two is their mean.
        assertEquals(Duration.ofSeconds((300 + 720) / 2), mpt.medianTime());
    }

    @Test
    void aTaskAlreadyFinishedWhenFirstSeenHasNoObservedTimeToFinish() throws Exception {
        clock.set(DAY1.plus(Duration.ofHours(1)));
        sync();

        StoredTask early = store.find(home.id(), "early").orElseThrow();
        assertEquals(early.firstSeenAt(), early.finishedSeenAt());
        UsageReport report = UsageReport.of(store.query(TaskQuery.all()), UsageGrouping.PROVIDER, UsagePeriod.DAY,
                null, ZoneOffset.UTC);
        assertNull(report.groups().get(0).medianTime());
    }
}
