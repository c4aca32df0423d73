package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncPassTest extends SyncTestbedCase {
    @Test
    void aPassReportsNewChangedAndUnchangedTasksPerAccount() {
        List<SimTask> sims = new ArrayList<>(history("h-", 4));
        sims.add(live("run", Duration.ofSeconds(20), SimOutcome.SUCCEEDED));
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, sims));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);

        SyncReport first = bed.pass().run();
        assertEquals(List.of(new AccountSyncSummary("studio", ProviderKind.MESHAPI, 5, 0, 0, 0, List.of(), true)),
                first.accounts());
        assertTrue(first.allOk());

        bed.clock.advance(Duration.ofMinutes(1));
        SyncReport second = bed.pass().run("STUDIO");
        AccountSyncSummary s = second.accounts().get(0);
        assertEquals(0, s.newTasks());
        assertEquals(1, s.changed(), "the running task finished");
        assertEquals(TaskStatus.SUCCEEDED, bed.cachedStatus(mesh.id(), "run"));
        assertTrue(bed.accounts.health(mesh.id()).orElseThrow().healthy());
    }

    @Test
    void oneFailingAccountIsReportedWhileTheOthersAreStillSynced() {
        MeshApiSimulator sim = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("h-", 3)));
        PhaseoSimulator phaseo = bed.serve(new PhaseoSimulator(bed.clock, KEY, history("vid_0123456789abcdef_", 3)));
        Account mesh = bed.addAccount(ProviderKind.MESHAPI, "studio", sim.baseUrl(), KEY);
        Account disabled = bed.addAccount(ProviderKind.PHASEO, "phaseo", phaseo.baseUrl(), KEY);

        SyncReport report = bed.pass().run();
        assertFalse(report.allOk());
        AccountSyncSummary ok = report.accounts().stream().filter(a -> a.accountName().equals("studio"))
                .findFirst().orElseThrow();
        AccountSyncSummary failed = report.accounts().stream().filter(a -> a.accountName().equals("phaseo"))
                .findFirst().orElseThrow();
        assertTrue(ok.ok());
        assertEquals(3, ok.newTasks());
        assertFalse(failed.ok());
        assertEquals(1, failed.errors().size());
        assertEquals(3, bed.cached(mesh.id()).size());
        assertEquals(ProviderErrorKind.PROVIDER_DISABLED,
                bed.accounts.health(disabled.id()).orElseThrow().lastErrorKind());
    }

    @Test
    void anUnknownAccountNameIsRefused() {
        assertThrows(UnknownAccountException.class, () -> bed.pass().run("nobody"));
    }

    @Test
    void aNamedAccountIsSyncedEvenWhenDisabledAndNoOtherIs() {
        MeshApiSimulator a = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("a-", 2)));
        MeshApiSimulator b = bed.serve(new MeshApiSimulator(bed.clock, KEY, history("b-", 2)));
        Account first = bed.addAccount(ProviderKind.MESHAPI, "first", a.baseUrl(), KEY);
        bed.accounts.update(first.withEnabled(false));
        bed.addAccount(ProviderKind.MESHAPI, "second", b.baseUrl(), KEY);

        SyncReport report = bed.pass().run("first");
        assertEquals(1, report.accounts().size());
        assertEquals(2, bed.cached(first.id()).size());
        assertEquals(0, b.totalRequests());

        assertEquals(List.of("second"), bed.pass().run().accounts().stream().map(AccountSyncSummary::accountName)
                .toList(), "without a name only enabled accounts are synced");
    }
}
