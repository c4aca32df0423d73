package dev.reelwatch.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} value given either as delay seconds or as an HTTP date. */
public final class RetryAfter {
    private static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(clamp(Duration.ofSeconds(Math.max(0, seconds))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(clamp(d.isNegative() ? Duration.ZERO : d));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** A hostile or broken server must not park an account for days. */
    private static Duration clamp(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
