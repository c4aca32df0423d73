package dev.reelwatch.media;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimRequest;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveDownloadTest {
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
        studio = bed.addAccount(ProviderKind.MESHAPI, "Studio / Main", mesh.baseUrl(), MediaTestbed.KEY);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void archivesIntoTheLibraryUnderOurOwnNamesWithSha256() throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.ARCHIVED, done.archiveState(), String.valueOf(done.archiveError()));
        Path expected = dir.resolve("videos/meshapi/Studio _ Main/" + task.id() + "-0.mp4");
        assertEquals(expected.toString(), done.localPath());
        assertEquals(sha256(MediaTestbed.clip("testcard")), done.localSha256());
        assertEquals(MediaTestbed.clip("testcard").length, done.localBytes());
        StoredOutput stored = bed.output(task.id());
        assertEquals(ArchiveState.ARCHIVED, stored.archiveState());
        assertEquals(100, stored.downloadPercent());
        assertEquals(expected.toString(), bed.tasks.byId(task.id()).orElseThrow().localFile().orElseThrow());
    }

    @Test
    void aCutConnectionIsResumedWithRangeAndTheResultIsTheWholeClip() throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        mesh.resetCounts();
        mesh.faults().on(Fault.CONNECTION_RESET).filesToo(true).times(1);

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.ARCHIVED, done.archiveState(), String.valueOf(done.archiveError()));
        assertEquals(2, mesh.requestCount("file"));
        SimRequest second = mesh.lastRequest("file").orElseThrow();
        String range = second.header("Range").orElseThrow();
        long resumedAt = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
        assertTrue(resumedAt > 0 && resumedAt < MediaTestbed.clip("testcard").length, range);
        assertEquals(sha256(MediaTestbed.clip("testcard")), done.localSha256());
        assertEquals(sha256(MediaTestbed.clip("testcard")), sha256(Files.readAllBytes(Path.of(done.localPath()))));
        assertFalse(Files.exists(FileDownloader.partFile(Path.of(done.localPath()))));
    }

    @Test
    void aSha256MismatchIsRejectedAndLeavesNoFileInTheLibrary() throws Exception {
        Task fetched = bed.clientFactory().clientFor(studio).fetchTask("cgt-1");
        TaskOutput real = fetched.outputs().get(0);
        TaskOutput lying = new TaskOutput(0, real.url(), real.kind(), real.expiresAt(), null, "ab".repeat(32),
                real.mimeType(), false);
        StoredTask task = bed.cache(studio, fetched.toBuilder().outputs(List.of(lying)).build());

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.FAILED, done.archiveState());
        assertTrue(done.archiveError().contains("SHA-256"), done.archiveError());
        assertNull(bed.output(task.id()).localPath());
        assertEquals(List.of(), filesIn(dir.resolve("videos")));
    }

    @Test
    void aLinkPastItsInferredExpiryIsStillAttemptedAndArchivedWhenTheServerServesIt() throws Exception {
        mesh.setFileLifetime(null); // MeshAPI's DB and this CDN still have the file, whatever BytePlus documents
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        TaskOutput link = task.outputs().get(0).output();
        assertEquals(ExpirySource.INFERRED, link.expirySource(), "MeshAPI states no expiry: 24 h is inferred");
        bed.clock.set(link.expiresAt().plus(Duration.ofDays(3)));
        mesh.resetCounts();

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.ARCHIVED, done.archiveState(), String.valueOf(done.archiveError()));
        assertEquals(1, mesh.requestCount("file"));
        assertEquals(sha256(MediaTestbed.clip("testcard")), done.localSha256());
        assertNull(bed.output(task.id()).linkExpiredAt());
    }

    @Test
    void aLinkIsMarkedExpiredOnlyAfterTheServerRefusesIt() throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        TaskOutput link = task.outputs().get(0).output();
        // BytePlus has cleaned up: the file answers 403 with its XML error page.
        bed.clock.set(link.expiresAt().plus(Duration.ofMinutes(1)));
        mesh.resetCounts();

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.LINK_EXPIRED, done.archiveState());
        assertEquals(1, mesh.requestCount("file"), "a request was made; a gone link is not retried");
        assertTrue(done.archiveError().contains("HTTP 403"), done.archiveError());
        assertEquals(bed.clock.instant(), bed.output(task.id()).linkExpiredAt(), "stamped when the server said so");
    }

    @Test
    void notFoundAndGoneOnAnExpiringLinkMeanExpiredButNotOnALinkThatNeverExpires() throws Exception {
        Task fetched = bed.clientFactory().clientFor(studio).fetchTask("cgt-1");
        TaskOutput real = fetched.outputs().get(0);
        TaskOutput missing = new TaskOutput(0, real.url().replace("cgt-1.mp4", "cgt-404.mp4"), real.kind(),
                real.expiresAt(), null, null, real.mimeType(), false, ExpirySource.INFERRED, null);
        StoredTask expiring = bed.cache(studio, fetched.toBuilder().outputs(List.of(missing)).build());
        StoredTask forever = bed.cache(studio, fetched.toBuilder().providerTaskId("cgt-forever").outputs(List.of(
                TaskOutput.video(0, real.url().replace("cgt-1.mp4", "cgt-404.mp4")))).build());

        assertEquals(ArchiveState.LINK_EXPIRED, bed.archive(expiring).archiveState());
        StoredOutput refused = bed.archive(forever);
        assertEquals(ArchiveState.FAILED, refused.archiveState(), "a 404 for a link without expiry is not an expiry");
        assertTrue(refused.archiveError().contains("404"), refused.archiveError());
        assertNull(bed.output(forever.id()).linkExpiredAt());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "MALFORMED_JSON"})
    void aRefusalOrAnErrorPageOnAnExpiringLinkMarksItExpiredAfterOneRequest(Fault fault) throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        mesh.resetCounts();
        mesh.faults().on(fault).filesToo(true).times(1);

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.LINK_EXPIRED, done.archiveState(), done.archiveError());
        assertEquals(1, mesh.requestCount("file"));
        assertNotNull(bed.output(task.id()).linkExpiredAt());
    }

    @Test
    void aServerErrorOnAnExpiringLinkIsRetriedAndNeverCalledAnExpiry() throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        mesh.resetCounts();
        mesh.faults().on(Fault.SERVER_ERROR).filesToo(true).times(10);

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.FAILED, done.archiveState());
        assertEquals(bed.options.attempts(), mesh.requestCount("file"));
        assertNull(bed.output(task.id()).linkExpiredAt());
    }

    @Test
    void aProviderStatedExpiryInThePastStillGetsExactlyOneAttempt() throws Exception {
        Task fetched = bed.clientFactory().clientFor(studio).fetchTask("cgt-1");
        TaskOutput real = fetched.outputs().get(0);
        TaskOutput stated = new TaskOutput(0, real.url(), real.kind(), MediaTestbed.T0.minusSeconds(60), null, null,
                real.mimeType(), false, ExpirySource.PROVIDER, null);
        StoredTask task = bed.cache(studio, fetched.toBuilder().outputs(List.of(stated)).build());
        mesh.resetCounts();
        mesh.faults().on(Fault.SERVER_ERROR).filesToo(true).times(5);

        StoredOutput failed = bed.archive(task);

        assertEquals(1, mesh.requestCount("file"), "one attempt, not the usual retries");
        assertEquals(ArchiveState.FAILED, failed.archiveState());
        mesh.faults().clear();
        StoredOutput served = bed.archiver.archive(failed.id(), task.id(), true);
        assertEquals(ArchiveState.ARCHIVED, served.archiveState(), "the stated time was wrong: the server served it");
    }

    @Test
    void aMoneyPrinterPathOutsideItsTaskFolderIsRefusedWithItsReasonAndNeverRequested() throws Exception {
        String id = "8d1a1d7e-aaaa-bbbb-cccc-000000000002";
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock,
                List.of(MediaTestbed.finished(id, "mandel"))));
        mpt.rewriteJson((route, body) -> {
            if (route.equals("get")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("data")).putArray("videos")
                        .add("/tasks/" + id + "/../../../etc/final-1.mp4");
            }
            return body;
        });
        Account home = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "home", mpt.baseUrl(), null);
        StoredTask task = bed.cacheFromProvider(home, id);
        mpt.resetCounts();

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.FAILED, done.archiveState());
        assertTrue(done.archiveError().contains("lead out of the task's folder"), done.archiveError());
        assertEquals(0, mpt.requestCount("file"));
        StoredOutput combined = bed.tasks.byId(task.id()).orElseThrow().outputs().get(1);
        assertEquals(ArchiveState.ARCHIVED, bed.archiver.archive(combined.id(), task.id(), false).archiveState(),
                "the task's other, proper file is still archived");
    }

    @Test
    void aFullDiskIsAClearFailureAndNoFile() throws Exception {
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");
        bed.freeBytes = 4096;

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.FAILED, done.archiveState());
        assertTrue(done.archiveError().startsWith("Not enough disk space"), done.archiveError());
        assertEquals(List.of(), filesIn(dir.resolve("videos")));
    }

    @Test
    void moneyPrinterStreamsAlwaysPartialContentAndStillArchiveWhole() throws Exception {
        MoneyPrinterSimulator mpt = bed.serve(new MoneyPrinterSimulator(bed.clock,
                List.of(MediaTestbed.finished("8d1a1d7e-aaaa-bbbb-cccc-000000000001", "mandel"))));
        Account home = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "home", mpt.baseUrl(), null);
        StoredTask task = bed.cacheFromProvider(home, "8d1a1d7e-aaaa-bbbb-cccc-000000000001");

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.ARCHIVED, done.archiveState(), String.valueOf(done.archiveError()));
        assertEquals(sha256(MediaTestbed.clip("mandel")), done.localSha256());
    }

    @Test
    void theLibrarySizeCapSkipsArchivingWithAReason() throws Exception {
        StoredTask first = bed.cacheFromProvider(studio, "cgt-1");
        assertEquals(ArchiveState.ARCHIVED, bed.archive(first).archiveState());
        bed.settings.put(ArchiveSettings.MAX_BYTES, "1000");
        StoredTask second = bed.cacheFromProvider(studio, "cgt-2");

        StoredOutput done = bed.archive(second);

        assertEquals(ArchiveState.SKIPPED, done.archiveState());
        assertTrue(done.archiveError().startsWith("The video archive is full"), done.archiveError());
        StoredOutput explicit = bed.archiver.archive(done.id(), second.id(), true);
        assertEquals(ArchiveState.ARCHIVED, explicit.archiveState(), "the user asked for it: the cap does not stop that");
    }

    @Test
    void aLibraryTurnedOffArchivesNothingByItself() throws Exception {
        bed.settings.put(ArchiveSettings.ENABLED, "false");
        StoredTask task = bed.cacheFromProvider(studio, "cgt-1");

        StoredOutput done = bed.archive(task);

        assertEquals(ArchiveState.NONE, done.archiveState());
        assertFalse(Files.exists(dir.resolve("videos")));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static List<Path> filesIn(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
