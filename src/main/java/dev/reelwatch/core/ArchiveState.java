package dev.reelwatch.core;

import java.util.Locale;

/** Where an output stands in the local video library. */
public enum ArchiveState {
    /** Not archived and not (yet) wanted: task not succeeded, or nothing decided. */
    NONE,
    /** Queued for download. */
    PENDING,
    DOWNLOADING,
    /** Complete and verified in the library. */
    ARCHIVED,
    /** Gave up after retries or verification failed; the error says why. */
    FAILED,
    /** The provider's link died before we could archive it. */
    LINK_EXPIRED,
    /** The library is turned off or full. */
    SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
