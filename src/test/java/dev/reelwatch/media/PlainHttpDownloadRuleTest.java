package dev.reelwatch.media;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTPS rule for the video archive: no download from an account that needs plain-HTTP consent and lacks it,
 * no plain-HTTP link to another machine without that consent, and never a redirect from HTTPS down to HTTP.
 */
class PlainHttpDownloadRuleTest {
    /** TEST-NET-1 (RFC 5737): never routed, so a refused request cannot reach anything by accident. */
    private static final URI LAN_SERVER = URI.create("http://192.0.2.7:8080");
    private static final byte[] VIDEO = MediaTestbed.mp4Like(48 * 1024);
    private static final char[] PASSWORD = "reelwatch-test".toCharArray();

    @TempDir
    Path dir;
    private final List<HttpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void anArchiveFromAPlainHttpAccountWithoutConsentIsRefusedBeforeAnyRequest() throws Exception {
        try (MediaTestbed bed = new MediaTestbed(dir.resolve("data"))) {
            MeshApiSimulator mesh = bed.serve(new MeshApiSimulator(bed.clock, MediaTestbed.KEY,
                    List.of(MediaTestbed.finished("cgt-1", "testcard"))));
            Account local = bed.addAccount(ProviderKind.MESHAPI, "local", mesh.baseUrl(), MediaTestbed.KEY);
            Task task = bed.clientFactory().clientFor(local).fetchTask("cgt-1");
            // The same task as a self-hosted server on the LAN would list it; its file sits on loopback here.
            Account lan = bed.accounts.add(new Account(0, ProviderKind.MESHAPI, "lan box", LAN_SERVER,
                    dev.reelwatch.core.CredentialRef.none(), true, false));
            StoredTask cached = bed.cache(lan, task);
            mesh.resetCounts();

            StoredOutput refused = bed.archive(cached);

            assertEquals(ArchiveState.FAILED, refused.archiveState());
            assertTrue(refused.archiveError().contains("plain HTTP"), refused.archiveError());
            assertEquals(0, mesh.requestCount("file"), "not one byte was requested");
            assertEquals(ArchiveState.FAILED, bed.output(cached.id()).archiveState());
            assertFalse(Files.exists(bed.library.videosDir()) && hasFiles(bed.library.videosDir()));

            new PlainHttpConsent(bed.settings).set("lan box", true);
            StoredOutput allowed = bed.archiver.archive(refused.id(), cached.id(), true);

            assertEquals(ArchiveState.ARCHIVED, allowed.archiveState(), String.valueOf(allowed.archiveError()));
            assertArrayEquals(MediaTestbed.clip("testcard"), Files.readAllBytes(Path.of(allowed.localPath())));
        }
    }

    @Test
    void aPlainHttpLinkToAnotherMachineIsNotFetchedWithoutTheAccountsConsent() throws Exception {
        try (MediaTestbed bed = new MediaTestbed(dir.resolve("data"))) {
            Account secure = bed.accounts.add(new Account(0, ProviderKind.MESHAPI, "secure",
                    URI.create("https://api.meshapi.example"), dev.reelwatch.core.CredentialRef.none(), true, false));
            Task task = Task.builder("cgt-9", dev.reelwatch.core.TaskStatus.SUCCEEDED)
                    .createdAt(MediaTestbed.T0)
                    .addOutput(TaskOutput.video(0, LAN_SERVER + "/files/cgt-9.mp4"))
                    .build();
            StoredTask cached = bed.cache(secure, task);

            StoredOutput refused = bed.archive(cached);

            assertEquals(ArchiveState.FAILED, refused.archiveState());
            assertTrue(refused.archiveError().contains("unencrypted"), refused.archiveError());
            assertFalse(Files.exists(bed.library.fileFor(cached, cached.outputs().get(0).output())));
        }
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsNeverFollowed() throws Exception {
        AtomicInteger plainRequests = new AtomicInteger();
        HttpServer plain = plainServer(plainRequests);
        Tls tls = Tls.selfSigned(dir);
        HttpsServer secure = httpsServer(tls, "http://127.0.0.1:" + plain.getAddress().getPort() + "/clip.mp4");
        FileDownloader downloader = new FileDownloader(tls.client(), "Reelwatch/test", Duration.ofSeconds(5),
                d -> Long.MAX_VALUE, Clock.systemUTC());
        Path target = dir.resolve("videos/clip.mp4");

        DownloadFailure failure = org.junit.jupiter.api.Assertions.assertThrows(DownloadFailure.class,
                () -> downloader.download(request(secure, "/redirect-down"), target, FileDownloader.Progress.NONE));

        assertEquals(DownloadFailure.Kind.REFUSED, failure.kind());
        assertTrue(failure.getMessage().contains("HTTPS to plain HTTP"), failure.getMessage());
        assertEquals(0, plainRequests.get(), "the plain-HTTP address was never contacted");
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(FileDownloader.partFile(target)));
    }

    @Test
    void aRedirectThatStaysOnHttpsIsFollowed() throws Exception {
        Tls tls = Tls.selfSigned(dir);
        HttpsServer secure = httpsServer(tls, null);
        FileDownloader downloader = new FileDownloader(tls.client(), "Reelwatch/test", Duration.ofSeconds(5),
                d -> Long.MAX_VALUE, Clock.systemUTC());
        Path target = dir.resolve("videos/clip.mp4");

        DownloadedFile file = downloader.download(request(secure, "/redirect-same"), target,
                FileDownloader.Progress.NONE);

        assertArrayEquals(VIDEO, Files.readAllBytes(file.path()));
    }

    private static DownloadRequest request(HttpsServer server, String path) {
        return new DownloadRequest(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path),
                Map.of(), null, (long) VIDEO.length, null, 10L * 1024 * 1024, DownloadRequest.Accept.VIDEO);
    }

    private HttpServer plainServer(AtomicInteger requests) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, VIDEO.length);
            ex.getResponseBody().write(VIDEO);
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    /** "/redirect-down" redirects to {@code downTo}; "/redirect-same" to "/clip.mp4" here; "/clip.mp4" serves. */
    private HttpsServer httpsServer(Tls tls, String downTo) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/redirect")) {
                ex.getResponseHeaders().set("Location", path.equals("/redirect-down") ? downTo : "/clip.mp4");
                ex.sendResponseHeaders(302, -1);
            } else {
                ex.getResponseHeaders().set("Content-Type", "video/mp4");
                ex.sendResponseHeaders(200, VIDEO.length);
                ex.getResponseBody().write(VIDEO);
            }
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    private static boolean hasFiles(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.anyMatch(Files::isRegularFile);
        }
    }

    /** A throw-away self-signed certificate for 127.0.0.1, made by the JDK's keytool, and a client trusting it. */
    private record Tls(SSLContext context) {

        static Tls selfSigned(Path dir) throws Exception {
            Path store = dir.resolve("tls-" + System.nanoTime() + ".p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sim", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool made a certificate");
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            km.init(keys, PASSWORD);
            TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tm.init(keys);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(km.getKeyManagers(), tm.getTrustManagers(), null);
            return new Tls(ssl);
        }

        HttpClient client() {
            return HttpClient.newBuilder().sslContext(context).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(2)).build();
        }
    }
}
