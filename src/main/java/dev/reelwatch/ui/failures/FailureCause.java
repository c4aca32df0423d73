package dev.reelwatch.ui.failures;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A failure's cause in plain words, read from the provider's code and message. It is our reading (an inference),
 * and the view labels it so; the provider's own message is always shown beside it.
 */
public enum FailureCause {
    CONTENT("sensitive|moderat|safety|policy|nsfw|inappropriate|prohibited|violat"),
    CREDITS("quota|credit|balance|insufficient|billing|payment|exceeded.*limit"),
    RATE("rate.?limit|too many requests|throttl|\\b429\\b"),
    TIMEOUT("time.?out|timed out|deadline"),
    AUTH("unauthori[sz]ed|forbidden|api.?key|authenticat|\\b401\\b|\\b403\\b"),
    INPUT("invalid|parameter|unsupported|validation|bad request|malformed|too long|not allowed|\\b400\\b"),
    FETCH("download|not found|\\b404\\b|expired|unreachable|no such file"),
    RENDER("ffmpeg|encod|render|codec|moviepy|subtitle"),
    PROVIDER("internal|server error|unexpected|upstream|unavailable|overload|\\b5\\d\\d\\b"),
    NONE(null),
    OTHER(null);

    private final Pattern pattern;

    FailureCause(String regex) {
        this.pattern = regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The first cause whose words occur in the code (split at camel case) or the message. */
    public static FailureCause of(String code, String message) {
        String c = code == null ? "" : code.replaceAll("([a-z])([A-Z])", "$1 $2");
        String m = message == null ? "" : message;
        if (c.isBlank() && m.isBlank()) {
            return NONE;
        }
        String text = (c + " " + m).toLowerCase(Locale.ROOT);
        for (FailureCause cause : List.of(values())) {
            if (cause.pattern != null && cause.pattern.matcher(text).find()) {
                return cause;
            }
        }
        return OTHER;
    }

    /** The resource bundle key of the plain-words text. */
    String key() {
        return "cause." + name();
    }
}
