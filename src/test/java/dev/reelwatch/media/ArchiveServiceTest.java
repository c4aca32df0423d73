package dev.reelwatch.media;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveServiceTest {
    @TempDir
    Path dir;
    MediaTestbed bed;
    MeshApiSimulator mesh;
    Account studio;

    @BeforeEach
    void setUp() {
        bed = new MediaTestbed(dir);
        mesh = bed.serve(new MeshApiSimulator(bed.clock, MediaTestbed.KEY, List.of(
                MediaTestbed.finished("a", "testcard"), MediaTestbed.finished("b", "bars"),
                MediaTestbed.finished("c", "mandel"))));
        studio = bed.addAccount(ProviderKind.MESHAPI, "studio", mesh.baseUrl(), MediaTestbed.KEY);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void tasksThatSucceedWhileRunningAreArchivedWithoutBeingAsked() throws Exception {
        ArchiveService service = bed.closeLater(new ArchiveService(bed.archiver));
        service.start();

        StoredTask a = bed.cacheFromProvider(studio, "a");
        StoredTask b = bed.cacheFromProvider(studio, "b");

        MediaTestbed.await("both archived", Duration.ofSeconds(10),
                () -> bed.output(a.id()).archiveState() == ArchiveState.ARCHIVED
                        && bed.output(b.id()).archiveState() == ArchiveState.ARCHIVED);
        assertTrue(Files.isRegularFile(Path.of(bed.output(b.id()).localPath())));
    }

    @Test
    void closeStopsItsThreads() throws Exception {
        ArchiveService service = new ArchiveService(bed.archiver);
        service.start();
        bed.cacheFromProvider(studio, "a");
        assertTrue(archiveThreads() > 0);

        // A hang is the failure here; how long a busy machine needs is not.
        assertTimeoutPreemptively(Duration.ofSeconds(60), service::close);

        MediaTestbed.await("archive threads gone", Duration.ofSeconds(60), () -> archiveThreads() == 0);
    }

    @Test
    void anExplicitRequestArchivesEvenWithTheLibraryTurnedOff() throws Exception {
        bed.settings.put(ArchiveSettings.ENABLED, "false");
        ArchiveService service = bed.closeLater(new ArchiveService(bed.archiver));
        service.start();
        StoredTask c = bed.cacheFromProvider(studio, "c");

        StoredTask after = service.archiveTask(c.id()).get(10, TimeUnit.SECONDS);

        assertEquals(ArchiveState.ARCHIVED, after.outputs().get(0).archiveState());
        assertEquals(ArchiveState.NONE, bed.output(bed.cacheFromProvider(studio, "a").id()).archiveState(),
                "nothing else was archived by itself");
    }

    @Test
    void theArchivePassArchivesEverythingWaitingAndReports() throws Exception {
        bed.cacheFromProvider(studio, "a");
        bed.cacheFromProvider(studio, "b");
        dev.reelwatch.core.Task c = bed.clientFactory().clientFor(studio).fetchTask("c");
        dev.reelwatch.core.TaskOutput o = c.outputs().get(0);
        // Its link is past its stated expiry and the server agrees (404 on the expiring link): link expired.
        bed.cache(studio, c.toBuilder().outputs(List.of(new dev.reelwatch.core.TaskOutput(0, o.url() + "-gone",
                o.kind(), MediaTestbed.T0.minusSeconds(60), null, null, o.mimeType(), false))).build());

        ArchiveReport report = new ArchivePass(bed.archiver).run();

        assertEquals(2, report.archived(), report.toString());
        assertEquals(1, report.linkExpired(), report.toString());
        assertEquals(0, report.failed());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("studio (meshapi) task"), report.problems().toString());
    }

    private static long archiveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("reelwatch-archive") && t.isAlive()).count();
    }
}
