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
        return of(kind, "problem." + kind.name().toLowerCase(Locale.ROOT), text, detail);
    }

    private static PlaybackProblem of(Kind kind, String key, ResourceBundle text, Object detail) {
        return new PlaybackProblem(kind, java.text.MessageFormat.format(text.getString(key), detail));
    }

    /**
     * Reads an engine error: {@code type} like JavaFX's MediaException.Type name, {@code message} its text. On
     * Linux a bare "could not create player" is read against what the host has: missing (or unknown) decoders
     * are told as such; decoders present but no sound output found is an inferred missing audio device.
     */
    public static PlaybackProblem classify(String type, String message, PlaybackHost host, ResourceBundle text) {
        String t = type == null ? "UNKNOWN" : type;
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        String detail = (t + ": " + m).strip();
        if (lower.contains("audio device") || lower.contains("audio output") || lower.contains("audio sink")) {
            return of(Kind.NO_AUDIO_DEVICE, text, detail);
        }
        boolean namesDecoders = lower.contains("libav") || lower.contains("ffmpeg");
        if (host.linux() && (namesDecoders || lower.contains("could not create player")
                || (t.equals("UNKNOWN") && lower.contains("create")))) {
            if (namesDecoders || host.decoders() != PlaybackHost.Presence.FOUND) {
                return of(Kind.MISSING_FFMPEG, text, detail);
            }
            if (host.soundOutput() == PlaybackHost.Presence.MISSING) {
                return of(Kind.NO_AUDIO_DEVICE, "problem.no_audio_device.inferred", text, detail);
            }
            return of(Kind.OTHER, "problem.create_failed", text, detail);
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
