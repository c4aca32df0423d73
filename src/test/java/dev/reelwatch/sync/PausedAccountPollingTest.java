package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.await;
import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's poller and pausing: a paused account's server hears nothing, through many passes, manual refreshes and
 * a restart, while the other accounts go on; "Pause all syncing" silences every server.
 */
class PausedAccountPollingTest extends SyncTestbedCase {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void pollerSendsNoRequestToAPausedAccountWhileOthersArePolled() {
        MeshApiSimulator mesh = bed.serve(new MeshApiSimulator(bed.clock, KEY,
                withLive(history("m-", 5), "mr")));
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock, withLive(history("p-", 5), "pr")));
        Account studio = bed.addAccount(ProviderKind.MESHAPI, "studio", mesh.baseUrl(), KEY);
        Account local = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl(), null);
        bed.accounts.setPaused(local.id(), true);
        PollingSyncService sync = bed.service();
        sync.start();

        // The witness: the other account is polled pass after pass (and asked for at once) meanwhile.
        await("several passes of the unpaused account", DEADLINE, () -> mesh.totalRequests() >= 12, () -> {
            advance(Duration.ofSeconds(6));
            sync.refreshNow();
            sync.refreshAccount(local.id());
        });
        assertEquals(0, mpt.totalRequests(), "a paused account's server got a request");
        assertTrue(bed.cached(local.id()).isEmpty());
        assertEquals(6, bed.cached(studio.id()).size());

        bed.accounts.setPaused(local.id(), false);
        sync.accountsChanged();
        await("the resumed account is synced", DEADLINE, () -> bed.cached(local.id()).size() == 6,
                () -> advance(Duration.ofSeconds(6)));
    }

    @Test
    void pauseSurvivesARestartAndTheCachedTasksStay() {
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock, history("p-", 4)));
        Account local = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl(), null);
        bed.service().runDuePasses();
        assertEquals(4, bed.cached(local.id()).size());
        bed.accounts.setPaused(local.id(), true);

        bed.reopenDatabase();
        mpt.resetCounts();
        PollingSyncService again = bed.service();
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofMinutes(31));
            again.refreshNow();
            again.runDuePasses();
        }

        assertTrue(bed.accounts.isPaused(local.id()));
        assertEquals(0, mpt.totalRequests());
        assertEquals(4, bed.cached(local.id()).size(), "the cached tasks stay browsable");
    }

    @Test
    void pauseAllSyncingStopsEveryRequestUntilItIsTurnedOff() {
        MeshApiSimulator mesh = bed.serve(new MeshApiSimulator(bed.clock, KEY, withLive(history("m-", 3), "mr")));
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock, history("p-", 3)));
        bed.addAccount(ProviderKind.MESHAPI, "studio", mesh.baseUrl(), KEY);
        bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "local", mpt.baseUrl(), null);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();
        assertTrue(mesh.totalRequests() > 0 && mpt.totalRequests() > 0);

        SyncPause pause = new SyncPause(bed.settings);
        pause.setAllPaused(true);
        sync.accountsChanged();
        mesh.resetCounts();
        mpt.resetCounts();
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofMinutes(31));
            sync.refreshNow();
            sync.runDuePasses();
        }
        assertEquals(0, mesh.totalRequests() + mpt.totalRequests());

        // Stored in the settings: a restarted poller stays quiet too.
        bed.reopenDatabase();
        PollingSyncService restarted = bed.service();
        advance(Duration.ofMinutes(31));
        restarted.runDuePasses();
        assertEquals(0, mesh.totalRequests() + mpt.totalRequests());

        new SyncPause(bed.settings).setAllPaused(false);
        restarted.accountsChanged();
        advance(Duration.ofMinutes(31));
        restarted.runDuePasses();
        assertTrue(mesh.totalRequests() > 0 && mpt.totalRequests() > 0);
    }

    private static List<dev.reelwatch.sim.SimTask> withLive(List<dev.reelwatch.sim.SimTask> history, String id) {
        List<dev.reelwatch.sim.SimTask> all = new java.util.ArrayList<>(history);
        all.add(0, live(id, Duration.ofMinutes(10), dev.reelwatch.sim.SimOutcome.SUCCEEDED));
        return all;
    }
}
