package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cadences chosen in Preferences reach a poller that is already running, without a restart. */
class CadenceChangeTest extends SyncTestbedCase {

    @Test
    void aShorterListIntervalAppliesToTheRunningPollerAtOnce() {
        List<SimTask> sims = new ArrayList<>(history("done-", 5));
        sims.add(live("run", Duration.ofHours(2), SimOutcome.SUCCEEDED));
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, sims));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        PollingSyncService sync = bed.service();
        sync.runDuePasses();

        sim.resetCounts();
        advance(Duration.ofSeconds(35));
        sync.runDuePasses();
        assertEquals(0, sim.requestCount("list"), "the test settings list every 60 s");

        sync.applyCadence(new SyncCadence(Duration.ofSeconds(30), Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(30), sync.settings().listInterval());
        assertEquals(Duration.ofSeconds(30), sync.settingsOf(mesh.id()).orElseThrow().listInterval());
        assertEquals(Duration.ofSeconds(3), sync.settingsOf(mesh.id()).orElseThrow().fastInterval());
        sync.runDuePasses();
        assertEquals(1, sim.requestCount("list"), "35 s since the last listing is past the new 30 s");

        sim.resetCounts();
        advance(Duration.ofSeconds(31));
        sync.runDuePasses();
        assertEquals(1, sim.requestCount("list"), "and every 30 s from then on");
    }

    @Test
    void aSlowerFastestRefreshRaisesTheCeilingWithIt() {
        SyncSettings base = SyncSettings.defaults();
        SyncSettings slow = new SyncCadence(Duration.ofMinutes(5), Duration.ofMinutes(2)).applyTo(base);
        assertEquals(Duration.ofMinutes(2), slow.fastInterval());
        assertEquals(Duration.ofMinutes(2), slow.maxFastInterval());
        assertEquals(Duration.ofMinutes(5), slow.listInterval());
    }

    @Test
    void storedCadencesOutsideTheAllowedRangeAreClamped() {
        bed.settings.put(SyncCadence.LIST_KEY, "1");
        bed.settings.put(SyncCadence.FAST_KEY, "not a number");
        SyncCadence read = SyncCadence.read(bed.settings);
        assertEquals(SyncCadence.MIN_LIST, read.listInterval());
        assertEquals(SyncSettings.defaults().fastInterval(), read.fastInterval());
    }
}
