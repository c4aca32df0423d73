package dev.reelwatch.media;

import dev.reelwatch.provider.TimedBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one file into place safely: streams to {@code <target>.part}, resumes a cut download with
 * {@code Range}, follows redirects itself (never from HTTPS to HTTP, the key never to another host), checks
 * type, size, the provider's size and SHA-256, and only then moves the file into place atomically. A failed
 * check never leaves a file at the target.
 */
public final class FileDownloader {
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    /** Left free beyond the file itself, so the rest of the system does not starve. */
    private static final long DISK_MARGIN = 16L * 1024 * 1024;

    private final HttpClient client;
    private final String userAgent;
    private final TransferLimits limits;
    private final DiskSpace disk;
    private final Clock clock;

    public FileDownloader(HttpClient client, String userAgent, TransferLimits limits, DiskSpace disk, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.limits = limits;
        this.disk = disk;
        this.clock = clock;
    }

    /** The clock downloads are judged by (the archiver asks it whether a stated expiry has passed). */
    Clock clock() {
        return clock;
    }

    /** A downloader with the default transfer limits, waiting at most {@code headerTimeout} for the headers. */
    public FileDownloader(HttpClient client, String userAgent, Duration headerTimeout, DiskSpace disk, Clock clock) {
        this(client, userAgent, TransferLimits.withHeaderTimeout(headerTimeout), disk, clock);
    }

    /** Receives progress while bytes arrive; {@code total} is -1 when the server did not say. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesSoFar, long total);

        Progress NONE = (done, total) -> { };
    }

    /** The partial download kept for resuming. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code request} to {@code target} (its folder is created). A {@link DownloadFailure.Kind#TRANSIENT}
     * failure keeps the partial file so the next call resumes; every other failure removes it.
     *
     * <p>An expiry time in the past never stops the attempt: an inferred lifetime may be wrong, and even a stated
     * one deserves one try. Only the server's answer says a link is gone ({@link #statusFailure}, error pages).
     */
    public DownloadedFile download(DownloadRequest request, Path target, Progress progress)
            throws DownloadFailure, InterruptedException {
        checkScheme(request.url());
        Path part = partFile(target);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw diskProblem("cannot create the folder " + target.getParent(), e, part);
        }
        try {
            fetchInto(request, part, progress);
            return verifyAndMove(request, part, target);
        } catch (DownloadFailure f) {
            if (!f.retryable()) {
                deleteQuietly(part);
            }
            throw f;
        }
    }

    private void fetchInto(DownloadRequest request, Path part, Progress progress)
            throws DownloadFailure, InterruptedException {
        long have = sizeOf(part);
        HttpResponse<InputStream> response = send(request, have > 0 ? have : -1);
        int status = response.statusCode();
        long offset;
        long total;
        if (status == 206 && have > 0) {
            Optional<long[]> range = response.headers().firstValue("Content-Range").flatMap(FileDownloader::parseRange);
            if (range.isEmpty() || range.get()[0] != have) {
                // A range we did not ask for: start over rather than splice mismatched bytes.
                close(response);
                deleteQuietly(part);
                throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                        "the server resumed at the wrong place; starting over");
            }
            offset = have;
            total = range.get()[2];
        } else if (status == 200 || status == 206) {
            offset = 0;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            total = status == 206
                    ? response.headers().firstValue("Content-Range").flatMap(FileDownloader::parseRange)
                    .map(r -> r[2]).orElse(length)
                    : length;
        } else if (status == 416 && have > 0) {
            close(response);
            deleteQuietly(part);
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "the partial download no longer fits; starting over");
        } else {
            close(response);
            throw statusFailure(request, status);
        }
        checkContentType(request, response);
        Optional<String> coding = contentCoding(response);
        if (coding.isPresent() && offset > 0) {
            // Compressed bytes cannot be spliced onto a partial file: fetch it whole and decode it.
            close(response);
            deleteQuietly(part);
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                    "the server resumed with compressed bytes (" + coding.get() + "); starting over");
        }
        long max = request.maxBytes();
        long declared = total;
        if (coding.isPresent()) {
            // Content-Length counts compressed bytes: the decoded size is only known at the end.
            total = -1;
        }
        if (declared > max) {
            close(response);
            throw new DownloadFailure(DownloadFailure.Kind.TOO_LARGE, "The file is " + ByteSize.format(declared)
                    + ", more than the limit of " + ByteSize.format(max) + ".");
        }
        if (request.expectedBytes() != null && total >= 0 && total != request.expectedBytes()) {
            close(response);
            throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The server sent " + total
                    + " bytes but the provider said the file has " + request.expectedBytes() + " bytes.");
        }
        ensureRoom(part, total >= 0 ? total - offset : -1, response);
        // The transfer's time is bounded by what is left to fetch (or the most it may be) at the minimum rate.
        long started = System.nanoTime();
        long expected = declared >= 0 ? declared - offset : max;
        long deadline = started + limits.allowance(expected).toNanos();
        TimedBody timed = (TimedBody) response.body();
        timed.deadline(deadline);
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long written = offset;
        try (InputStream in = decoded(timed, coding);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (true) {
                try {
                    n = in.read(buffer);
                } catch (java.util.zip.ZipException corrupt) {
                    throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The server's " + coding.orElse("")
                            + "-compressed file is damaged (" + corrupt.getMessage() + "); nothing was kept.", corrupt);
                } catch (TimedBody.TimeoutException slow) {
                    throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, (slow.inactive()
                            ? "the server sent nothing for " + limits.inactivity().toSeconds() + " s"
                            : "the download was slower than " + ByteSize.format(limits.minimumBytesPerSecond())
                            + "/s") + " after " + ByteSize.format(written) + "; it resumes next time", slow);
                } catch (IOException cut) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("download interrupted");
                    }
                    throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                            "the connection broke after " + ByteSize.format(written) + " (" + cut.getMessage() + ")", cut);
                }
                if (n < 0) {
                    break;
                }
                written += n;
                if (System.nanoTime() - started > limits.allowance(written - offset).toNanos()) {
                    throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "the download was slower than "
                            + ByteSize.format(limits.minimumBytesPerSecond()) + "/s after " + ByteSize.format(written)
                            + "; it resumes next time");
                }
                if (written > max) {
                    throw new DownloadFailure(DownloadFailure.Kind.TOO_LARGE,
                            "The file is larger than the limit of " + ByteSize.format(max) + ".");
                }
                out.write(buffer, 0, n);
                progress.update(written, total);
            }
        } catch (IOException e) {
            throw diskProblem("cannot write " + part, e, part);
        }
        if (total >= 0 && written != total) {
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                    "the download ended after " + written + " of " + total + " bytes");
        }
    }

    private HttpResponse<InputStream> send(DownloadRequest request, long resumeFrom)
            throws DownloadFailure, InterruptedException {
        URI origin = request.url();
        URI current = origin;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(limits.headerTimeout()).GET()
                    .header("User-Agent", userAgent)
                    .header("Accept", request.accept() == DownloadRequest.Accept.VIDEO
                            ? "video/*, application/octet-stream;q=0.8" : "image/*");
            if (resumeFrom > 0) {
                b.header("Range", "bytes=" + resumeFrom + "-");
            }
            // Ask for the file as it is: a compressed video would have to be decoded before it can be checked.
            b.header("Accept-Encoding", "identity");
            if (sameHost(origin, current)) {
                // The account's key goes to the account's own host only, even along redirects.
                request.headers().forEach(b::header);
            }
            HttpResponse<InputStream> response;
            try {
                response = exchange(b.build(), current);
            } catch (IOException e) {
                throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                        "could not reach " + current.getHost() + " (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            } catch (IllegalArgumentException e) {
                throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "The address " + current + " cannot be used.", e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || hop >= MAX_REDIRECTS) {
                    throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "The server sent too many or broken redirects.");
                }
                URI next;
                try {
                    next = current.resolve(location);
                } catch (IllegalArgumentException e) {
                    throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "The server redirected to an invalid address.", e);
                }
                checkScheme(next);
                if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                    throw new DownloadFailure(DownloadFailure.Kind.REFUSED,
                            "The server redirected from HTTPS to plain HTTP; Reelwatch refuses to follow.");
                }
                current = next;
                continue;
            }
            return response;
        }
    }

    /**
     * Sends and waits at most the header timeout for the headers; the body comes as a {@link TimedBody}, which
     * never waits longer than the inactivity limit for the next bytes.
     */
    private HttpResponse<InputStream> exchange(HttpRequest request, URI current)
            throws IOException, InterruptedException, DownloadFailure {
        var future = client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = future.get(limits.headerTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, current.getHost() + " did not answer within "
                    + limits.headerTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
        TimedBody body = new TimedBody(limits.inactivity(), System.nanoTime() + limits.allowance(0).toNanos());
        response.body().subscribe(body);
        return new dev.reelwatch.provider.TimedResponse(response, body);
    }

    /**
     * The response's content coding, if any: gzip and deflate are decoded, "identity" is none, and any
     * other coding is refused (its bytes would be kept as a video that cannot play).
     */
    private static Optional<String> contentCoding(HttpResponse<InputStream> response) throws DownloadFailure {
        List<String> codings = new java.util.ArrayList<>();
        for (String value : response.headers().allValues("Content-Encoding")) {
            for (String c : value.split(",")) {
                String coding = c.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        if (codings.isEmpty()) {
            return Optional.empty();
        }
        String coding = codings.get(0);
        if (codings.size() == 1 && (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate"))) {
            return Optional.of(coding);
        }
        close(response);
        throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "The server sent the file encoded as "
                + String.join(", ", codings) + ", which Reelwatch cannot decode; nothing was kept.");
    }

    private static InputStream decoded(InputStream in, Optional<String> coding) throws DownloadFailure {
        if (coding.isEmpty()) {
            return in;
        }
        try {
            return coding.get().equals("deflate") ? new InflaterInputStream(in) : new GZIPInputStream(in, 64 * 1024);
        } catch (TimedBody.TimeoutException e) {
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "the server sent nothing for "
                    + e.getMessage() + "; the download is tried again later", e);
        } catch (IOException e) {
            throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The server said the file is "
                    + coding.get() + "-compressed, but it is not (" + e.getMessage() + "); nothing was kept.", e);
        }
    }

    /**
     * 410 always, and 401/403/404 on a link with an expiry (a signed or short-lived link), mean the link is gone;
     * a 401 for a file that needs the account's key is a key problem instead.
     */
    private DownloadFailure statusFailure(DownloadRequest request, int status) {
        boolean expiringLink = request.expiresAt() != null;
        boolean keyed = !request.headers().isEmpty();
        if (status == 410 || (expiringLink && (status == 403 || status == 404 || (status == 401 && !keyed)))) {
            return new DownloadFailure(DownloadFailure.Kind.LINK_EXPIRED,
                    "The link no longer works: the server answered HTTP " + status + ", so it has expired on the"
                            + " provider's side.");
        }
        if (status == 429 || status >= 500 || status == 408) {
            return new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "the server answered HTTP " + status);
        }
        return new DownloadFailure(DownloadFailure.Kind.REFUSED, "The server answered HTTP " + status
                + (status == 401 || status == 403 ? " (not allowed)" : status == 404 ? " (no such file)" : "") + ".");
    }

    private static void checkContentType(DownloadRequest request, HttpResponse<InputStream> response)
            throws DownloadFailure {
        Optional<String> header = response.headers().firstValue("Content-Type");
        if (header.isEmpty()) {
            return;
        }
        String type = header.get().toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        boolean ok = type.equals("application/octet-stream") || type.equals("binary/octet-stream")
                || (request.accept() == DownloadRequest.Accept.VIDEO ? type.startsWith("video/") : type.startsWith("image/"));
        if (!ok && request.expiresAt() != null && isErrorPage(type)) {
            // A signed link past its life often answers with the storage's XML or HTML error page.
            close(response);
            throw new DownloadFailure(DownloadFailure.Kind.LINK_EXPIRED, "The link no longer works: the server sent"
                    + " an error page (" + type + ") instead of the video, so it has expired on the provider's side.");
        }
        if (!ok) {
            close(response);
            throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "The server sent " + type + " instead of "
                    + (request.accept() == DownloadRequest.Accept.VIDEO ? "a video" : "an image")
                    + (type.equals("text/html") ? " (a web page, perhaps a login or error page)" : "") + ".");
        }
    }

    private static boolean isErrorPage(String type) {
        return type.equals("text/html") || type.equals("application/xml") || type.equals("text/xml")
                || type.equals("application/json") || type.equals("text/plain");
    }

    private void ensureRoom(Path part, long needed, HttpResponse<InputStream> response) throws DownloadFailure {
        if (needed <= 0) {
            return;
        }
        long free;
        try {
            free = disk.usableBytes(part.getParent());
        } catch (IOException e) {
            return; // Unknown free space: let the write itself tell.
        }
        if (free < needed + DISK_MARGIN) {
            close(response);
            deleteQuietly(part);
            throw new DownloadFailure(DownloadFailure.Kind.DISK_FULL, "Not enough disk space: the video needs "
                    + ByteSize.format(needed) + " but only " + ByteSize.format(free) + " is free in " + part.getParent()
                    + ".");
        }
    }

    private DownloadedFile verifyAndMove(DownloadRequest request, Path part, Path target) throws DownloadFailure {
        long size = sizeOf(part);
        if (request.expectedBytes() != null && size != request.expectedBytes()) {
            throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The downloaded file has " + size
                    + " bytes but the provider said " + request.expectedBytes() + " bytes; it was discarded.");
        }
        if (request.accept() == DownloadRequest.Accept.VIDEO) {
            try {
                VideoSignature.check(part);
            } catch (DownloadFailure notVideo) {
                if (notVideo.kind() == DownloadFailure.Kind.VERIFICATION && request.expiresAt() != null) {
                    // A signed link past its life may answer 200 with an error body labelled as the video.
                    throw new DownloadFailure(DownloadFailure.Kind.LINK_EXPIRED, "The link no longer works: the"
                            + " server sent " + VideoSignature.whatItHolds(part) + " instead of the video; the link"
                            + " has expired on the provider's side.", notVideo);
                }
                throw notVideo;
            }
        }
        String sha256 = sha256(part);
        if (request.expectedSha256() != null && !request.expectedSha256().isBlank()
                && !request.expectedSha256().strip().equalsIgnoreCase(sha256)) {
            throw new DownloadFailure(DownloadFailure.Kind.VERIFICATION, "The downloaded file's SHA-256 (" + sha256
                    + ") does not match the provider's (" + request.expectedSha256().strip()
                    + "); it was discarded.");
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw diskProblem("cannot move the download into " + target, e, part);
        }
        return new DownloadedFile(target, size, sha256);
    }

    /** The SHA-256 of a file as lower-case hex. */
    public static String sha256(Path file) throws DownloadFailure {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "cannot read " + file + " back", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static DownloadFailure diskProblem(String what, IOException e, Path part) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")
                || lower.contains("quota")) {
            deleteQuietly(part);
            return new DownloadFailure(DownloadFailure.Kind.DISK_FULL, "The disk is full: " + what + " (" + message
                    + "). Free some space or move the data folder.", e);
        }
        return new DownloadFailure(DownloadFailure.Kind.REFUSED, "Could not save the file: " + what + " ("
                + e.getClass().getSimpleName() + ": " + message + ").", e);
    }

    private static void checkScheme(URI url) throws DownloadFailure {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new DownloadFailure(DownloadFailure.Kind.REFUSED,
                    "Only http and https links can be downloaded, not " + url + ".");
        }
    }

    static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b)
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Optional<long[]> parseRange(String header) {
        Matcher m = CONTENT_RANGE.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total});
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Closing an unwanted body: nothing to recover.
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A left-over .part is harmless: the next download truncates or resumes it.
        }
    }
}
