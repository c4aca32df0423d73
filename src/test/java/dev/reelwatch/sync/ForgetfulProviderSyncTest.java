package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider that forgets: MoneyPrinterTurbo in memory mode loses every task on restart; the cache does not. */
class ForgetfulProviderSyncTest extends SyncTestbedCase {
    @Test
    void moneyPrinterRestartMarksTasksGoneWithoutDeletingThem() {
        List<SimTask> sims = new ArrayList<>(history("mpt-", 6));
        sims.add(live("render", Duration.ofMinutes(10), SimOutcome.SUCCEEDED));
        MoneyPrinterSimulator sim = bed.serve(new MoneyPrinterSimulator(bed.clock, sims));
        Account mpt = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", sim.baseUrl(), null);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        assertEquals(7, bed.cached(mpt.id()).size());

        sim.restart();
        advance(Duration.ofSeconds(61));
        sync.runDuePasses();

        List<StoredTask> cached = bed.cached(mpt.id());
        assertEquals(7, cached.size(), "history survives the provider forgetting it");
        assertTrue(cached.stream().noneMatch(StoredTask::onProvider));
        assertTrue(bed.tasks.activeTasks(mpt.id()).isEmpty());
        assertNull(sync.status().health().get(mpt.id()).lastErrorKind(), "a forgetful provider is not an error");

        sim.resetCounts();
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(10));
            sync.runDuePasses();
        }
        assertEquals(0, sim.requestCount("get"), "gone tasks are not polled");
    }

    @Test
    void aRunningTaskAnswering404IsMarkedGoneAndNoLongerPolled() {
        MoneyPrinterSimulator sim = bed.serve(new MoneyPrinterSimulator(bed.clock,
                List.of(live("render", Duration.ofMinutes(10), SimOutcome.SUCCEEDED))));
        Account mpt = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", sim.baseUrl(), null);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        advance(Duration.ofSeconds(5));
        sync.runDuePasses();
        assertEquals(TaskStatus.RUNNING, bed.cachedStatus(mpt.id(), "render"));
        sim.restart();
        advance(Duration.ofSeconds(5));
        sync.runDuePasses();
        StoredTask task = bed.tasks.find(mpt.id(), "render").orElseThrow();
        assertFalse(task.onProvider());
        assertEquals(TaskStatus.RUNNING, task.task().status(), "the last known state is kept");
    }

}
