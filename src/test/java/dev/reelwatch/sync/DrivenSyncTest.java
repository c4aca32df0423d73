package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.T0;
import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller's behaviour pass by pass: passes are run directly and time moves only when the test says. */
class DrivenSyncTest extends SyncTestbedCase {
    @Test
    void tasksProgressToTerminalStatesAndTheCacheFollows() {
        List<SimTask> sims = new ArrayList<>(history("old-", 5));
        sims.add(live("ok", Duration.ofSeconds(20), SimOutcome.SUCCEEDED));
        sims.add(live("bad", Duration.ofSeconds(30), SimOutcome.FAILED));
        sims.add(live("slow", Duration.ofSeconds(60), SimOutcome.SUCCEEDED));
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, sims));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();

        sync.runDuePasses();
        assertEquals(8, bed.cached(mesh.id()).size());
        assertEquals(3, bed.tasks.activeTasks(mesh.id()).size());

        for (int i = 0; i < 40; i++) {
            advance(Duration.ofSeconds(5));
            sync.runDuePasses();
        }
        assertEquals(TaskStatus.SUCCEEDED, bed.cachedStatus(mesh.id(), "ok"));
        assertEquals(TaskStatus.FAILED, bed.cachedStatus(mesh.id(), "bad"));
        assertEquals(TaskStatus.SUCCEEDED, bed.cachedStatus(mesh.id(), "slow"));
        assertTrue(bed.tasks.activeTasks(mesh.id()).isEmpty());
        StoredTask ok = bed.tasks.find(mesh.id(), "ok").orElseThrow();
        List<TaskStatus> seen = bed.tasks.timeline(ok.id()).stream().map(e -> e.to()).toList();
        assertEquals(TaskStatus.SUCCEEDED, seen.get(seen.size() - 1));
        assertTrue(seen.size() >= 2, "the timeline records the way to the end: " + seen);

        AccountHealth health = bed.accounts.health(mesh.id()).orElseThrow();
        assertNotNull(health.lastSuccess());
        assertNull(health.lastErrorKind());
        assertEquals(7, health.counts().get(TaskStatus.SUCCEEDED) + 0);
        assertEquals(sync.status().health().get(mesh.id()).counts(), health.counts());
    }

    @Test
    void aFastTickCostsOneRequestPerRunningTaskWhateverTheHistory() {
        List<SimTask> sims = new ArrayList<>(history("done-", 10_000));
        for (int i = 0; i < 3; i++) {
            sims.add(live("run-" + i, Duration.ofHours(2), SimOutcome.SUCCEEDED));
        }
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, sims));
        bed.syncSettings = bed.syncSettings.withPageSize(100);
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "big", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();

        sync.runDuePasses();
        assertEquals(10_003, bed.tasks.count(new dev.reelwatch.store.TaskQuery(Set.of(), mesh.id(), null, 0, 0,
                false)));

        for (int tick = 0; tick < 2; tick++) {
            sim.resetCounts();
            advance(Duration.ofSeconds(20));
            sync.runDuePasses();
            assertEquals(3, sim.requestCount("get"), "one GET per running task on tick " + tick);
            assertEquals(0, sim.requestCount("list"), "no listing between discovery passes");
        }
        // Discovery comes round (60 s) and reads only what is new: one short page, not 10,000 tasks.
        sim.resetCounts();
        advance(Duration.ofSeconds(20));
        sync.runDuePasses();
        assertEquals(1, sim.requestCount("list"));
        assertEquals(3, sim.requestCount("get"));
        assertTrue(sim.totalRequests() <= 4);
    }

    @Test
    void rateLimitWaitsAsLongAsRetryAfterSaysThenRecovers() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY,
                List.of(live("a", Duration.ofMinutes(10), SimOutcome.SUCCEEDED))));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();

        sim.faults().retryAfterSeconds(45).on(Fault.RATE_LIMIT);
        advance(Duration.ofSeconds(5));
        Instant failedAt = bed.clock.instant();
        sync.runDuePasses();
        AccountHealth health = sync.status().health().get(mesh.id());
        assertEquals(ProviderErrorKind.RATE_LIMITED, health.lastErrorKind());
        assertEquals(failedAt.plusSeconds(45), health.nextPoll());

        sim.resetCounts();
        for (int i = 0; i < 8; i++) {
            advance(Duration.ofSeconds(5));
            sync.refreshNow();
            sync.runDuePasses();
        }
        assertEquals(0, sim.totalRequests(), "nothing is sent before Retry-After has passed, even when asked");

        sim.faults().clear();
        advance(Duration.ofSeconds(5));
        sync.runDuePasses();
        assertTrue(sim.totalRequests() > 0);
        assertNull(sync.status().health().get(mesh.id()).lastErrorKind());
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of(Fault.BAD_GATEWAY, ProviderErrorKind.UPSTREAM),
                Arguments.of(Fault.MALFORMED_JSON, ProviderErrorKind.BAD_RESPONSE),
                Arguments.of(Fault.CONNECTION_RESET, ProviderErrorKind.NETWORK));
    }

    @ParameterizedTest
    @MethodSource("transientFaults")
    void transientFaultsBackOffExponentiallyAndRecover(Fault fault, ProviderErrorKind expected) {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, List.of(
                live("a", Duration.ofSeconds(90), SimOutcome.SUCCEEDED),
                live("b", Duration.ofSeconds(90), SimOutcome.SUCCEEDED))));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        assertEquals(2, bed.cached(mesh.id()).size());

        sim.faults().on(fault);
        List<Duration> waits = new ArrayList<>();
        for (int failure = 0; failure < 4; failure++) {
            AccountHealth before = sync.status().health().get(mesh.id());
            Instant due = before.nextPoll();
            bed.clock.set(due);
            sim.resetCounts();
            sync.runDuePasses();
            assertTrue(sim.totalRequests() >= 1);
            AccountHealth after = sync.status().health().get(mesh.id());
            assertEquals(expected, after.lastErrorKind(), "failure " + failure);
            waits.add(Duration.between(due, after.nextPoll()));

            // Nothing is sent again before the backoff has passed.
            sim.resetCounts();
            bed.clock.set(after.nextPoll().minusMillis(1));
            sync.runDuePasses();
            assertEquals(0, sim.totalRequests());
        }
        assertTrue(waits.get(3).compareTo(waits.get(0)) > 0, "the wait grows: " + waits);
        assertTrue(waits.stream().allMatch(w -> w.compareTo(Duration.ofSeconds(60)) <= 0), "capped: " + waits);

        sim.faults().clear();
        advance(Duration.ofMinutes(5));
        sync.runDuePasses();
        AccountHealth recovered = sync.status().health().get(mesh.id());
        assertNull(recovered.lastErrorKind());
        assertEquals(TaskStatus.SUCCEEDED, bed.cachedStatus(mesh.id(), "a"));
        assertEquals(TaskStatus.SUCCEEDED, bed.cachedStatus(mesh.id(), "b"));
    }

    @Test
    void syncKeepsCacheWhenProviderAnswers501AndRechecksOnlyRarely() {
        PhaseoSimulator sim = bed.serve(new PhaseoSimulator(bed.clock, KEY, history("vid_0123456789abcdef_", 12)));
        sim.setVideoApiEnabled(true);
        Account phaseo = bed.addAccount(ProviderKind.PHASEO, "phaseo", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        assertEquals(12, bed.cached(phaseo.id()).size());

        sim.setVideoApiEnabled(false);
        advance(Duration.ofMinutes(2));
        Instant disabledAt = bed.clock.instant();
        sync.runDuePasses();
        AccountHealth health = sync.status().health().get(phaseo.id());
        assertEquals(ProviderErrorKind.PROVIDER_DISABLED, health.lastErrorKind());
        assertEquals(disabledAt.plus(Duration.ofMinutes(30)), health.nextPoll());
        assertEquals(12, bed.cached(phaseo.id()).size(), "the cache is kept");
        assertTrue(bed.cached(phaseo.id()).stream().allMatch(StoredTask::onProvider));

        sim.resetCounts();
        for (int i = 0; i < 29; i++) {
            advance(Duration.ofMinutes(1));
            sync.runDuePasses();
        }
        assertEquals(0, sim.totalRequests(), "a disabled provider is not asked again for half an hour");
        advance(Duration.ofMinutes(1));
        sync.runDuePasses();
        assertEquals(1, sim.totalRequests(), "one re-check after 30 minutes");

        sim.setVideoApiEnabled(true);
        sync.refreshNow();
        sync.runDuePasses();
        assertNull(sync.status().health().get(phaseo.id()).lastErrorKind(), "a manual refresh re-checks at once");
    }

    @Test
    void restartContinuesFromTheCacheWithAnIncrementalListing() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("h-", 300)));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService first = bed.service();
        first.runDuePasses();
        assertEquals(6, sim.requestCount("list"), "the first sync reads all 300 tasks in pages of 50");
        first.close();

        bed.reopenDatabase();
        sim.addTask(live("new", Duration.ofSeconds(30), SimOutcome.SUCCEEDED));
        sim.resetCounts();
        advance(Duration.ofMinutes(1));
        PollingSyncService second = bed.service();
        second.runDuePasses();
        assertEquals(1, sim.requestCount("list"), "after a restart only what is new is listed");
        assertTrue(sim.lastRequest("list").orElseThrow().query().containsKey("created_after"));
        assertEquals(301, bed.cached(mesh.id()).size());
    }

    @Test
    void aFaultMidListingLeavesNoDuplicateAndNoLostTaskOnceRetried() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("h-", 500)));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        AtomicInteger pagesStored = new AtomicInteger();
        bed.tasks.addListener(change -> {
            if (pagesStored.incrementAndGet() == 3) {
                sim.faults().on(Fault.BAD_GATEWAY).times(1);
            }
        });
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        assertEquals(150, bed.cached(mesh.id()).size(), "three pages were stored before the fault");
        assertEquals(ProviderErrorKind.UPSTREAM, sync.status().health().get(mesh.id()).lastErrorKind());

        bed.clock.set(sync.status().health().get(mesh.id()).nextPoll());
        sync.runDuePasses();
        List<StoredTask> cached = bed.cached(mesh.id());
        assertEquals(500, cached.size());
        Set<String> ids = new HashSet<>();
        cached.forEach(t -> ids.add(t.task().providerTaskId()));
        assertEquals(500, ids.size());
        assertNull(sync.status().health().get(mesh.id()).lastErrorKind());
    }

    @Test
    void listenersHearHealthChangesAndHealthIsPersisted() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("h-", 3)));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), "wrong-key");
        PollingSyncService sync = bed.service();
        List<SyncStatus> heard = new CopyOnWriteArrayList<>();
        sync.addStatusListener(heard::add);
        sync.runDuePasses();

        assertFalse(heard.isEmpty());
        AccountHealth last = heard.get(heard.size() - 1).health().get(mesh.id());
        assertEquals(ProviderErrorKind.AUTHENTICATION, last.lastErrorKind());
        assertNotNull(last.lastErrorMessage());
        assertFalse(last.lastErrorMessage().contains("wrong-key"), "keys never appear in messages");
        AccountHealth saved = bed.accounts.health(mesh.id()).orElseThrow();
        assertEquals(ProviderErrorKind.AUTHENTICATION, saved.lastErrorKind());
        assertEquals(last.nextPoll(), saved.nextPoll());
        assertTrue(heard.stream().anyMatch(s -> s.health().get(mesh.id()).syncing()), "syncing is shown");
        assertTrue(saved.counts().values().stream().allMatch(n -> n == 0), "nothing cached: " + saved.counts());
    }

    @Test
    void aTaskRefreshAskedForRunsEvenWhenNothingElseIsDue() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY,
                List.of(live("a", Duration.ofMinutes(10), SimOutcome.SUCCEEDED))));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        sim.resetCounts();
        sync.runDuePasses();
        assertEquals(0, sim.totalRequests(), "nothing is due yet");

        sync.refreshTask(bed.tasks.find(mesh.id(), "a").orElseThrow().id());
        sync.runDuePasses();
        assertEquals(1, sim.requestCount("get"));
    }
}
