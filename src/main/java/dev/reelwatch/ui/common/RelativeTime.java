package dev.reelwatch.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/** Says when something happened the way people do ("3 min ago") and, for tooltips, exactly. */
public final class RelativeTime {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.common.messages");
    private final Clock clock;
    private final DateTimeFormatter absolute;

    public RelativeTime(Clock clock) {
        this.clock = clock;
        this.absolute = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Locale.getDefault(Locale.Category.FORMAT))
                .withZone(clock.getZone());
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", then the date; "in 20 s" for the future. */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        long seconds = Duration.between(at, clock.instant()).getSeconds();
        if (seconds < 0) {
            return String.format(TEXT.getString("time.in"), shortDuration(Duration.ofSeconds(-seconds)));
        }
        if (seconds < 10) {
            return TEXT.getString("time.justNow");
        }
        if (seconds < 60) {
            return String.format(TEXT.getString("time.secondsAgo"), seconds);
        }
        if (seconds < 3600) {
            return String.format(TEXT.getString("time.minutesAgo"), seconds / 60);
        }
        if (seconds < 24 * 3600) {
            return String.format(TEXT.getString("time.hoursAgo"), seconds / 3600);
        }
        long days = seconds / (24 * 3600);
        if (days == 1) {
            return TEXT.getString("time.yesterday");
        }
        if (days < 30) {
            return String.format(TEXT.getString("time.daysAgo"), days);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(clock.getZone()).format(at);
    }

    public String exact(Instant at) {
        return at == null ? "" : absolute.format(at);
    }

    /** "45 s", "3:05", "1:02:03". */
    public static String shortDuration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
