package dev.reelwatch.ui.preferences;

import java.time.Duration;
import java.util.ResourceBundle;

/** Cadence choices as a person reads them: "30 seconds", "3 minutes", "1 hour". */
final class DurationText {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.preferences.messages");

    private DurationText() {
    }

    static String of(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            long h = s / 3600;
            return h == 1 ? TEXT.getString("duration.hour") : String.format(TEXT.getString("duration.hours"), h);
        }
        if (s % 60 == 0) {
            long m = s / 60;
            return m == 1 ? TEXT.getString("duration.minute") : String.format(TEXT.getString("duration.minutes"), m);
        }
        return String.format(TEXT.getString("duration.seconds"), s);
    }
}
