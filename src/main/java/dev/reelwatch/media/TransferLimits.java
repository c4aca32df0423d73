package dev.reelwatch.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a download may take: the headers must come within {@code headerTimeout}, no gap between bytes may
 * exceed {@code inactivity} (then the download fails as transient and resumes next time), and the whole file
 * must arrive within {@code grace} plus its size at {@code minimumBytesPerSecond}, so a big file on a slow link
 * gets hours and a stalled small one never holds the archive for long.
 */
public record TransferLimits(Duration headerTimeout, Duration inactivity, long minimumBytesPerSecond,
                             Duration grace) {

    public TransferLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(inactivity, "inactivity");
        Objects.requireNonNull(grace, "grace");
        if (headerTimeout.isNegative() || headerTimeout.isZero() || inactivity.isNegative() || inactivity.isZero()
                || minimumBytesPerSecond < 1 || grace.isNegative()) {
            throw new IllegalArgumentException("transfer limits must be positive");
        }
    }

    /** 30 s for the headers, 30 s without a byte, and at least 32 KiB/s on average after two minutes. */
    public static TransferLimits defaults() {
        return new TransferLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 32 * 1024, Duration.ofMinutes(2));
    }

    /** The defaults with another header timeout. */
    public static TransferLimits withHeaderTimeout(Duration headerTimeout) {
        TransferLimits d = defaults();
        return new TransferLimits(headerTimeout, d.inactivity(), d.minimumBytesPerSecond(), d.grace());
    }

    /** The longest the transfer of {@code bytes} may take. */
    public Duration allowance(long bytes) {
        long seconds = Math.max(0, bytes) / minimumBytesPerSecond;
        return grace.plusSeconds(seconds);
    }
}
