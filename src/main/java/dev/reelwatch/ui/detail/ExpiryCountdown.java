package dev.reelwatch.ui.detail;

import dev.reelwatch.core.ExpirySource;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;

/**
 * Words for how long an output's download link has left: "link expires in 3 h 12 min", "link expired 2 h ago",
 * and for a lifetime Reelwatch only inferred, words that say so ("link probably expires in 3 h (inferred)").
 * An inferred time that has passed is a warning, not a verdict: only a server's answer says a link is gone.
 */
final class ExpiryCountdown {
    /** Below this much time left the countdown turns red: archive now or lose the video. */
    static final Duration SOON = Duration.ofHours(1);

    private final ResourceBundle text;

    ExpiryCountdown(ResourceBundle text) {
        this.text = text;
    }

    ExpiryUrgency urgency(Instant expiresAt, Instant now) {
        return urgency(expiresAt, null, now);
    }

    ExpiryUrgency urgency(Instant expiresAt, ExpirySource source, Instant now) {
        if (expiresAt == null) {
            return ExpiryUrgency.NEVER;
        }
        if (!now.isBefore(expiresAt)) {
            return source == ExpirySource.INFERRED ? ExpiryUrgency.SOON : ExpiryUrgency.EXPIRED;
        }
        return Duration.between(now, expiresAt).compareTo(SOON) < 0 ? ExpiryUrgency.SOON : ExpiryUrgency.LATER;
    }

    String describe(Instant expiresAt, Instant now) {
        return describe(expiresAt, null, now);
    }

    String describe(Instant expiresAt, ExpirySource source, Instant now) {
        if (expiresAt == null) {
            return text.getString("expiry.never");
        }
        if (source == ExpirySource.INFERRED) {
            return !now.isBefore(expiresAt)
                    ? MessageFormat.format(text.getString("expiry.inferred.past"), span(Duration.between(expiresAt, now)))
                    : MessageFormat.format(text.getString("expiry.inferred.future"), span(Duration.between(now, expiresAt)));
        }
        if (!now.isBefore(expiresAt)) {
            return MessageFormat.format(text.getString("expiry.past"), span(Duration.between(expiresAt, now)));
        }
        return MessageFormat.format(text.getString("expiry.future"), span(Duration.between(now, expiresAt)));
    }

    /** "2 d 4 h", "3 h 12 min", "42 min", "35 s": two units at most, rounded down. */
    String span(Duration d) {
        long seconds = d.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return hours > 0 ? days + " d " + hours + " h" : days + " d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + " h " + minutes + " min" : hours + " h";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return seconds + " s";
    }
}
