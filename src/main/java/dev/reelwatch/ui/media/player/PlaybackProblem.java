package dev.reelwatch.ui.media.player;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A playback failure told plainly: what happened and what to do. Classifies the engine's error kind and text
 * (no audio device, missing FFmpeg libraries on Linux, unsupported codec, unreachable link).
 */
public record PlaybackProblem(Kind kind, String message) {

    /** The failures the player tells apart, each with its own advice. */
    public enum Kind {
        NO_AUDIO_DEVICE, MISSING_FFMPEG, UNSUPPORTED_FORMAT, UNREACHABLE, LINK_EXPIRED, NEEDS_ARCHIVE, REFUSED, OTHER
    }

    public static PlaybackProblem of(Kind kind, ResourceBundle text, Object detail) {
        String key = "problem." + kind.name().toLowerCase(Locale.ROOT);
        return new PlaybackProblem(kind, java.text.MessageFormat.format(text.getString(key), detail));
    }

    /** Reads an engine error: {@code type} like JavaFX's MediaException.Type name, {@code message} its text. */
    public static PlaybackProblem classify(String type, String message, String osName, ResourceBundle text) {
        String t = type == null ? "UNKNOWN" : type;
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).contains("linux");
        String detail = (t + ": " + m).strip();
        if (lower.contains("audio device") || lower.contains("audio output") || lower.contains("audio sink")) {
            return of(Kind.NO_AUDIO_DEVICE, text, detail);
        }
        if (linux && (lower.contains("could not create player") || lower.contains("libav")
                || lower.contains("ffmpeg") || (t.equals("UNKNOWN") && lower.contains("create")))) {
            return of(Kind.MISSING_FFMPEG, text, detail);
        }
        if (t.equals("MEDIA_UNSUPPORTED") || t.equals("UNKNOWN_MEDIA_TYPE") || lower.contains("unsupported")
                || lower.contains("unrecognized file signature") || lower.contains("codec")) {
            return of(Kind.UNSUPPORTED_FORMAT, text, detail);
        }
        if (t.equals("MEDIA_INACCESSIBLE") || t.equals("MEDIA_UNAVAILABLE") || lower.contains("connection")
                || lower.contains("403") || lower.contains("404")) {
            return of(Kind.UNREACHABLE, text, detail);
        }
        return of(Kind.OTHER, text, detail);
    }
}
