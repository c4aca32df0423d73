package dev.reelwatch.media;

import com.sun.net.httpserver.HttpServer;
import dev.reelwatch.provider.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Downloads keep the key on the account's own host, and refuse what is not the file that was asked for. */
class DownloadRedirectTest {
    private static final String KEY = "sk-download-secret";
    private static final byte[] VIDEO = MediaTestbed.mp4Like(64 * 1024);

    @TempDir
    Path dir;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final FileDownloader downloader = new FileDownloader(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
            "Reelwatch/test", Duration.ofSeconds(5), d -> Long.MAX_VALUE, Clock.systemUTC());

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private HttpServer serve(int status, String location, String type, byte[] body, List<String> auth)
            throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", ex -> {
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            if (location != null) {
                ex.getResponseHeaders().set("Location", location);
            }
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    private DownloadRequest request(URI url) {
        return new DownloadRequest(url, Map.of("Authorization", "Bearer " + KEY), null, (long) VIDEO.length, null,
                10L * 1024 * 1024, DownloadRequest.Accept.VIDEO);
    }

    @Test
    void theKeyStaysOnTheAccountsHostWhenAFileRedirectsToACdn() throws Exception {
        List<String> cdnAuth = new CopyOnWriteArrayList<>();
        List<String> ownAuth = new CopyOnWriteArrayList<>();
        HttpServer cdn = serve(200, null, "video/mp4", VIDEO, cdnAuth);
        HttpServer own = serve(302, "http://localhost:" + cdn.getAddress().getPort() + "/clip.mp4", "text/plain",
                new byte[0], ownAuth);

        Path target = dir.resolve("clip.mp4");
        DownloadedFile file = downloader.download(request(URI.create("http://127.0.0.1:" + own.getAddress().getPort()
                + "/files/clip.mp4")), target, (done, total) -> { });

        assertArrayEquals(VIDEO, Files.readAllBytes(file.path()));
        assertEquals(List.of("Bearer " + KEY), ownAuth);
        assertEquals(List.of("null"), cdnAuth, "the CDN never sees the key");
    }

    @Test
    void anHtmlPageInsteadOfAVideoNeverEntersTheLibrary() throws Exception {
        HttpServer own = serve(200, null, "text/html", "<html>login</html>".getBytes(), new CopyOnWriteArrayList<>());
        Path target = dir.resolve("clip.mp4");
        assertThrows(DownloadFailure.class, () -> downloader.download(request(URI.create("http://127.0.0.1:"
                + own.getAddress().getPort() + "/clip.mp4")), target, (done, total) -> { }));
        assertFalse(Files.exists(target));
    }

    @Test
    void onlyHttpAndHttpsLinksAreDownloaded() {
        assertThrows(DownloadFailure.class, () -> downloader.download(request(URI.create("file:///etc/passwd")),
                dir.resolve("x.mp4"), (done, total) -> { }));
        assertFalse(Files.exists(dir.resolve("x.mp4")));
    }
}
