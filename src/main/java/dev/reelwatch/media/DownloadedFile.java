package dev.reelwatch.media;

import java.nio.file.Path;

/** A verified file in its final place, with the SHA-256 we computed over it. */
public record DownloadedFile(Path path, long bytes, String sha256) {
}
