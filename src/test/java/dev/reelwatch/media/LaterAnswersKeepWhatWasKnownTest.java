package dev.reelwatch.media;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MeshAPI content in the SDK's list shape, and a succeeded task fetched after BytePlus cleaned up, coming back with
 * {@code content: null}: against the simulator, the real client, the real SQLite cache and the archiver.
 */
class LaterAnswersKeepWhatWasKnownTest {
    @TempDir
    Path dir;
    MediaTestbed bed;
    MeshApiSimulator mesh;
    Account studio;

    @BeforeEach
    void setUp() {
        bed = new MediaTestbed(dir);
        mesh = bed.serve(new MeshApiSimulator(bed.clock, MediaTestbed.KEY,
                List.of(MediaTestbed.finished("cgt-1", "testcard"), MediaTestbed.finished("cgt-2", "bars"))));
        studio = bed.addAccount(ProviderKind.MESHAPI, "studio", mesh.baseUrl(), MediaTestbed.KEY);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void theSdksListShapeOfContentIsArchivedLikeTheObjectShape() throws Exception {
        mesh.setContentAsList(true);
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");

        assertEquals(mesh.baseUrl() + "/files/cgt-1.mp4", task.outputs().get(0).output().url());
        assertEquals(mesh.baseUrl() + "/files/cgt-1_last_frame.jpg", task.task().thumbnailUrl());
        StoredOutput done = bed.archive(task);
        assertEquals(ArchiveState.ARCHIVED, done.archiveState(), String.valueOf(done.archiveError()));
        assertTrue(Files.isRegularFile(Path.of(done.localPath())));
    }

    @Test
    void contentNullLaterNeverErasesTheKnownUrlThumbnailOrArchivedFile() throws Exception {
        mesh.setForgetsContentAfterCleanup(true);
        StoredTask first = bed.cacheFromProvider(studio, "cgt-1");
        StoredOutput archived = bed.archive(first);
        assertEquals(ArchiveState.ARCHIVED, archived.archiveState());
        StoredTask notYet = bed.cacheFromProvider(studio, "cgt-2");
        String url = notYet.outputs().get(0).output().url();

        bed.clock.advance(Duration.ofDays(2));
        Task later = bed.clientFactory().clientFor(studio).fetchTask("cgt-1");
        assertEquals(0, later.outputs().size(), "the server now answers content: null");
        StoredTask after = bed.cache(studio, later);
        StoredTask otherAfter = bed.cacheFromProvider(studio, "cgt-2");

        assertEquals(ArchiveState.ARCHIVED, after.outputs().get(0).archiveState());
        assertEquals(archived.localPath(), after.localFile().orElseThrow());
        assertNotNull(after.task().thumbnailUrl());
        assertEquals(url, otherAfter.outputs().get(0).output().url(), "the never-archived URL is kept too");
        StoredOutput attempt = bed.archive(otherAfter);
        assertEquals(ArchiveState.LINK_EXPIRED, attempt.archiveState(),
                "tried, and the cleaned-up file's 403 says it is gone");
    }
}
