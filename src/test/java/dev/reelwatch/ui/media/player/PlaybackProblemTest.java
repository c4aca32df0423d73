package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackProblemTest {
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.player.messages");
    private final PlaybackHost linux = PlaybackHost.unknown("Linux");

    @Test
    void noAudioDeviceIsToldAsSuch() {
        PlaybackProblem p = PlaybackProblem.classify("PLAYBACK_HALTED", "Could not open audio device for playback.",
                linux, text);
        assertEquals(PlaybackProblem.Kind.NO_AUDIO_DEVICE, p.kind());
        assertTrue(p.message().startsWith("No audio device is available"), p.message());
    }

    @Test
    void missingFfmpegOnLinuxSaysWhichPackagesToInstall() {
        PlaybackProblem p = PlaybackProblem.classify("UNKNOWN",
                "com.sun.media.jfxmedia.MediaException: Could not create player!", linux, text);
        assertEquals(PlaybackProblem.Kind.MISSING_FFMPEG, p.kind());
        assertTrue(p.message().contains("install libavcodec/libavformat (Debian: libavcodec59 libavformat59)"),
                p.message());
    }

    @Test
    void unsupportedCodecsAndUnreachableLinksAreToldApart() {
        assertEquals(PlaybackProblem.Kind.UNSUPPORTED_FORMAT,
                PlaybackProblem.classify("MEDIA_UNSUPPORTED", "Unrecognized file signature!", linux, text).kind());
        assertEquals(PlaybackProblem.Kind.UNREACHABLE,
                PlaybackProblem.classify("MEDIA_INACCESSIBLE", "Connection refused", PlaybackHost.unknown("Windows 11"), text).kind());
        assertEquals(PlaybackProblem.Kind.OTHER,
                PlaybackProblem.classify("UNKNOWN", "Could not create player!", PlaybackHost.unknown("Mac OS X"), text).kind());
    }

    @Test
    void aPlayerThatCannotStartWhereFfmpegIsInstalledIsNotBlamedOnFfmpeg() {
        String created = "com.sun.media.jfxmedia.MediaException: Could not create player!";
        PlaybackHost silent = new PlaybackHost("Linux", PlaybackHost.Presence.FOUND, PlaybackHost.Presence.MISSING);
        PlaybackProblem noSound = PlaybackProblem.classify("UNKNOWN", created, silent, text);
        assertEquals(PlaybackProblem.Kind.NO_AUDIO_DEVICE, noSound.kind());
        assertTrue(noSound.message().startsWith("No audio device is available (inferred:"), noSound.message());

        PlaybackHost equipped = new PlaybackHost("Linux", PlaybackHost.Presence.FOUND, PlaybackHost.Presence.FOUND);
        PlaybackProblem other = PlaybackProblem.classify("UNKNOWN", created, equipped, text);
        assertEquals(PlaybackProblem.Kind.OTHER, other.kind());
        assertTrue(other.message().contains("although FFmpeg's libraries and a sound output were found"),
                other.message());

        PlaybackHost bare = new PlaybackHost("Linux", PlaybackHost.Presence.MISSING, PlaybackHost.Presence.MISSING);
        assertEquals(PlaybackProblem.Kind.MISSING_FFMPEG, PlaybackProblem.classify("UNKNOWN", created, bare, text).kind());
    }
}
