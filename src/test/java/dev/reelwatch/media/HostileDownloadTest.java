package dev.reelwatch.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelwatch.provider.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile file servers: a body that drips after prompt headers, a transfer slower than the minimum rate, a
 * video sent gzip-compressed or in an unknown coding, and bytes that are no video at all. A download never
 * hangs, a stall is transient (the partial file stays for resuming), and nothing but a playable container is
 * ever put in place.
 */
class HostileDownloadTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final byte[] CLIP = MediaTestbed.clip(dev.reelwatch.sim.DemoClips.NAMES.get(0));

    @TempDir
    Path dir;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private FileDownloader downloader(TransferLimits limits) {
        return new FileDownloader(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test", limits,
                d -> Long.MAX_VALUE, Clock.systemUTC());
    }

    private static TransferLimits impatient() {
        return new TransferLimits(Duration.ofSeconds(5), Duration.ofSeconds(1), 1024, Duration.ofSeconds(30));
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    private URI serve(Handler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", ex -> {
            try (ex) {
                handler.handle(ex);
            } catch (IOException | InterruptedException gone) {
                // The client gave up on purpose: that is what these tests provoke.
            }
        });
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/clip.mp4");
    }

    private static DownloadRequest request(URI url, Long expectedBytes) {
        return new DownloadRequest(url, Map.of(), null, expectedBytes, null, 100L * 1024 * 1024,
                DownloadRequest.Accept.VIDEO);
    }

    @Test
    void aBodyThatStopsAfterItsHeadersFailsAsTransientAndKeepsThePartForResuming() throws Exception {
        URI url = serve(ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, CLIP.length);
            OutputStream out = ex.getResponseBody();
            out.write(CLIP, 0, 4096);
            out.flush();
            // Then one byte every few seconds, forever.
            for (int i = 4096; i < CLIP.length; i++) {
                Thread.sleep(3000);
                out.write(CLIP[i]);
                out.flush();
            }
        });
        Path target = dir.resolve("clip.mp4");

        DownloadFailure f = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DownloadFailure.class,
                () -> downloader(impatient()).download(request(url, (long) CLIP.length), target,
                        FileDownloader.Progress.NONE)));

        assertEquals(DownloadFailure.Kind.TRANSIENT, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("sent nothing for 1 s"), f.getMessage());
        assertFalse(Files.exists(target));
        assertTrue(Files.size(FileDownloader.partFile(target)) >= 4096, "what arrived is kept for resuming");
    }

    @Test
    void aTransferSlowerThanTheMinimumRateIsCutEvenWhileBytesKeepComing() throws Exception {
        URI url = serve(ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, CLIP.length);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < CLIP.length; i += 64) {
                out.write(CLIP, i, Math.min(64, CLIP.length - i));
                out.flush();
                Thread.sleep(200);
            }
        });
        // 320 B/s is far below 64 KiB/s; a second of grace and the rest at that rate is all it gets.
        TransferLimits limits = new TransferLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024,
                Duration.ofSeconds(1));

        DownloadFailure f = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DownloadFailure.class,
                () -> downloader(limits).download(request(url, (long) CLIP.length), dir.resolve("slow.mp4"),
                        FileDownloader.Progress.NONE)));

        assertEquals(DownloadFailure.Kind.TRANSIENT, f.kind());
        assertTrue(f.getMessage().contains("slower than"), f.getMessage());
    }

    @Test
    void aGzipCodedVideoIsDecodedAndVerifiedBeforeItIsKept() throws Exception {
        byte[] gz = gzip(CLIP);
        URI url = serve(ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, gz.length);
            ex.getResponseBody().write(gz);
        });
        Path target = dir.resolve("gz.mp4");

        DownloadedFile file = assertTimeoutPreemptively(HANG_GUARD, () -> downloader(TransferLimits.defaults())
                .download(request(url, (long) CLIP.length), target, FileDownloader.Progress.NONE));

        assertArrayEquals(CLIP, Files.readAllBytes(target), "the decoded video, not the compressed bytes");
        assertEquals(CLIP.length, file.bytes());
    }

    @Test
    void aVideoInACodingReelwatchCannotDecodeIsRefused() throws Exception {
        URI url = serve(ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.getResponseHeaders().set("Content-Encoding", "br");
            ex.sendResponseHeaders(200, CLIP.length);
            ex.getResponseBody().write(CLIP);
        });
        Path target = dir.resolve("br.mp4");

        DownloadFailure f = assertThrows(DownloadFailure.class, () -> downloader(TransferLimits.defaults())
                .download(request(url, null), target, FileDownloader.Progress.NONE));

        assertEquals(DownloadFailure.Kind.REFUSED, f.kind());
        assertTrue(f.getMessage().contains("br"), f.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(FileDownloader.partFile(target)));
    }

    @Test
    void bytesThatAreNoVideoContainerAreNeverMarkedArchived() throws Exception {
        byte[] page = "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] gzNotVideo = gzip("just some text, not a video at all".repeat(20).getBytes(StandardCharsets.UTF_8));
        URI html = serve(ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
        });
        URI gz = serve(ex -> {
            // No Content-Encoding: the compressed bytes themselves are offered as the video.
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, gzNotVideo.length);
            ex.getResponseBody().write(gzNotVideo);
        });

        for (URI url : List.of(html, gz)) {
            Path target = dir.resolve("bad-" + url.getPort() + ".mp4");
            DownloadFailure f = assertThrows(DownloadFailure.class, () -> downloader(TransferLimits.defaults())
                    .download(request(url, null), target, FileDownloader.Progress.NONE));
            assertEquals(DownloadFailure.Kind.VERIFICATION, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("not a playable video"), f.getMessage());
            assertFalse(Files.exists(target));
            assertFalse(Files.exists(FileDownloader.partFile(target)));
        }
    }

    @Test
    void bytesThatAreNoVideoOnAnExpiringLinkMeanTheLinkHasExpired() throws Exception {
        byte[] page = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8);
        URI url = serve(ex -> {
            // The storage labels its error page as the video and answers 200.
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
        });
        Path expiring = dir.resolve("expiring.mp4");
        DownloadRequest withExpiry = new DownloadRequest(url, Map.of(), java.time.Instant.now().plusSeconds(3600),
                null, null, 100L * 1024 * 1024, DownloadRequest.Accept.VIDEO);
        DownloadFailure f = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DownloadFailure.class,
                () -> downloader(TransferLimits.defaults()).download(withExpiry, expiring, FileDownloader.Progress.NONE)));
        assertEquals(DownloadFailure.Kind.LINK_EXPIRED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("a web page instead of the video; the link has expired"), f.getMessage());
        assertFalse(f.retryable());
        assertFalse(Files.exists(expiring));
        assertFalse(Files.exists(FileDownloader.partFile(expiring)));

        Path plain = dir.resolve("plain.mp4");
        DownloadFailure without = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DownloadFailure.class,
                () -> downloader(TransferLimits.defaults()).download(request(url, null), plain,
                        FileDownloader.Progress.NONE)));
        assertEquals(DownloadFailure.Kind.VERIFICATION, without.kind(), without.getMessage());
        assertTrue(without.getMessage().contains("not a playable video"), without.getMessage());
        assertFalse(Files.exists(plain));
    }

    @Test
    void webmAndQuickTimeSignaturesCountAsVideos() {
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] mov = {0, 0, 0, 8, 'w', 'i', 'd', 'e', 0, 0, 0, 0};
        byte[] text = "hello world!".getBytes(StandardCharsets.US_ASCII);
        assertTrue(VideoSignature.looksPlayable(webm, webm.length));
        assertTrue(VideoSignature.looksPlayable(mov, mov.length));
        assertTrue(VideoSignature.looksPlayable(CLIP, 12));
        assertFalse(VideoSignature.looksPlayable(text, text.length));
        assertFalse(VideoSignature.looksPlayable(new byte[12], 0));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
