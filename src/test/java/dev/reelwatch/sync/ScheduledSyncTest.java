package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.await;
import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller on its own threads: start, stop, offline, one account's trouble, manual refresh. */
class ScheduledSyncTest extends SyncTestbedCase {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** Only a hang fails a test at this bound; how fast things are on a busy machine is never asserted. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static boolean noSyncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("reelwatch-sync-") && t.isAlive());
    }

    /** Moves the test clock a little each round, so cadences and backoffs come due while we wait. */
    private Runnable tickClock(Duration step) {
        return () -> bed.clock.advance(step);
    }

    @Test
    void closeDuringALongListingThenRestartLeavesNoDuplicateAndNoLostTask() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("h-", 1000)));
        sim.faults().latency(Duration.ofMillis(100)).on(Fault.LATENCY);
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.start();
        await("a few pages stored", DEADLINE, () -> bed.cached(mesh.id()).size() >= 100);

        assertTimeoutPreemptively(HANG_GUARD, sync::close, "close() must not wait for the listing to end");
        await("sync threads gone", HANG_GUARD, ScheduledSyncTest::noSyncThreads);
        int storedAtClose = bed.cached(mesh.id()).size();
        assertTrue(storedAtClose < 1000, "the listing was cut short: " + storedAtClose);

        sim.faults().clear();
        bed.reopenDatabase();
        sim.resetCounts();
        PollingSyncService again = bed.service();
        again.runDuePasses();
        assertEquals(20, sim.requestCount("list"), "an unfinished first sync is redone in full after a restart");
        List<StoredTask> cached = bed.cached(mesh.id());
        Set<String> ids = new HashSet<>();
        cached.forEach(t -> ids.add(t.task().providerTaskId()));
        assertEquals(1000, cached.size());
        assertEquals(1000, ids.size());
    }

    @Test
    void networkLossShowsOfflineKeepsTheCacheAndResumesByItself() throws Exception {
        MeshApiSimulator mesh = bed.serve(new MeshApiSimulator(bed.clock, KEY, withLive(history("m-", 20), "mr")));
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock, withLive(history("p-", 10), "pr")));
        NetworkCable meshCable = bed.closeLater(new NetworkCable(mesh.port()));
        NetworkCable mptCable = bed.closeLater(new NetworkCable(mpt.port()));
        Account a = bed.addAccount(ProviderKind.MESHAPI, "studio", meshCable.baseUrl(), KEY);
        Account b = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", mptCable.baseUrl(), null);
        PollingSyncService sync = bed.service();
        List<Boolean> offlineHeard = new CopyOnWriteArrayList<>();
        sync.addStatusListener(s -> offlineHeard.add(s.offline()));
        sync.start();
        await("first sync", DEADLINE, () -> bed.cached(a.id()).size() == 21 && bed.cached(b.id()).size() == 11);

        meshCable.unplug();
        mptCable.unplug();
        await("offline", DEADLINE, () -> sync.status().offline(), tickClock(Duration.ofSeconds(1)));
        assertTrue(offlineHeard.contains(true), "listeners were told");
        assertEquals(ProviderErrorKind.NETWORK, sync.status().health().get(a.id()).lastErrorKind());
        assertEquals(21, bed.cached(a.id()).size(), "the cache stays browsable");
        assertEquals(11, bed.cached(b.id()).size());
        AccountHealth offlineHealth = sync.status().health().get(a.id());
        assertTrue(!offlineHealth.nextPoll().isAfter(offlineHealth.lastAttempt().plusSeconds(60)),
                "offline accounts keep retrying at least once a minute");

        meshCable.plugIn();
        mptCable.plugIn();
        await("back online", DEADLINE, () -> !sync.status().offline()
                && sync.status().health().get(a.id()).healthy()
                && sync.status().health().get(b.id()).healthy(), tickClock(Duration.ofSeconds(1)));
        assertEquals(false, offlineHeard.get(offlineHeard.size() - 1));
    }

    @Test
    void oneAccountsTroubleNeverDelaysAnother() {
        // The hung request outlives any wait of this test, so "still waiting" holds however slow the machine is.
        bed.close();
        bed = new SyncTestbed(dir.resolve("patient"), Duration.ofMinutes(5));
        MeshApiSimulator hanging = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("m-", 5)));
        hanging.faults().latency(Duration.ofMinutes(5)).on(Fault.LATENCY);
        HedraSimulator locked = bed.serve(new HedraSimulator(bed.clock, KEY, history("h-", 5)));
        List<SimTask> work = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            work.add(live("job-" + i, Duration.ofSeconds(10 + 5L * i), SimOutcome.SUCCEEDED));
        }
        MoneyPrinterSimulator healthy = bed.serve(new MoneyPrinterSimulator(bed.clock, work));
        Account stuck = bed.addAccount(ProviderKind.MESHAPI, "stuck", hanging.baseUrl(), KEY);
        Account wrongKey = bed.addAccount(ProviderKind.HEDRA, "wrong-key", locked.baseUrl(), "not-the-key");
        Account local = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", healthy.baseUrl(), null);
        PollingSyncService sync = bed.service();
        sync.start();

        // The healthy account's passes finish while the hung one's single request is still waiting.
        await("the healthy account's jobs finish", HANG_GUARD,
                () -> bed.cached(local.id()).size() == 3 && bed.tasks.activeTasks(local.id()).isEmpty(),
                tickClock(Duration.ofMillis(500)));
        assertTrue(sync.status().health().get(stuck.id()).syncing(), "the hanging account is still waiting");
        assertEquals(ProviderErrorKind.AUTHENTICATION, sync.status().health().get(wrongKey.id()).lastErrorKind());
        assertNull(sync.status().health().get(local.id()).lastErrorKind());
    }

    @Test
    void closeStopsThePollerWhileARequestHangs() {
        MeshApiSimulator hanging = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("m-", 5)));
        hanging.faults().latency(Duration.ofSeconds(30)).on(Fault.LATENCY);
        bed.addAccount(ProviderKind.MESHAPI, "stuck", hanging.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.start();
        await("a request in flight", DEADLINE, () -> sync.status().requestsInFlight() == 1);

        assertTimeoutPreemptively(HANG_GUARD, sync::close, "close() must not wait for the hung request");
        // Stopped means: no request in flight any more and every sync thread gone (interrupted, not waited for).
        await("sync threads gone", HANG_GUARD, ScheduledSyncTest::noSyncThreads);
        assertEquals(0, sync.status().requestsInFlight());
    }

    @Test
    void refreshNowRunsAPassAtOnce() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("m-", 5)));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.start();
        await("first sync", DEADLINE, () -> sync.status().health().get(mesh.id()).lastSuccess() != null);
        sim.resetCounts();

        sync.refreshNow();
        await("a listing without the clock moving", DEADLINE, () -> sim.requestCount("list") >= 1);
    }

    @Test
    void accountsAddedOrDisabledWhileRunningAreStartedOrStopped() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, withLive(history("m-", 5), "run")));
        PollingSyncService sync = bed.service();
        sync.start();
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        sync.accountsChanged();
        await("the new account is synced", DEADLINE, () -> bed.cached(mesh.id()).size() == 6);

        bed.accounts.update(mesh.withEnabled(false));
        sync.accountsChanged();
        assertFalse(sync.status().health().containsKey(mesh.id()));
        await("no pass in flight", DEADLINE, () -> sync.status().requestsInFlight() == 0);
        sim.resetCounts();
        for (int i = 0; i < 20; i++) {
            bed.clock.advance(Duration.ofSeconds(30));
            sync.refreshNow();
        }
        assertEquals(0, sim.totalRequests(), "a disabled account is not polled");
    }

    private static List<SimTask> withLive(List<SimTask> history, String liveId) {
        List<SimTask> all = new ArrayList<>(history);
        all.add(live(liveId, Duration.ofHours(1), SimOutcome.SUCCEEDED));
        return all;
    }
}
