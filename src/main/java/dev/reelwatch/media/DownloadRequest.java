package dev.reelwatch.media;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One file to fetch and how to check it. Nullable: {@code expiresAt}, {@code expectedBytes},
 * {@code expectedSha256}. {@code headers} (the account's key, if any) go only to the URL's own host.
 */
public record DownloadRequest(URI url, Map<String, String> headers, Instant expiresAt, Long expectedBytes,
                              String expectedSha256, long maxBytes, Accept accept) {

    /** Which content types count as the file we asked for. */
    public enum Accept {
        VIDEO, IMAGE
    }

    public DownloadRequest {
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(accept, "accept");
    }
}
