package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackProblemTest {
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.player.messages");

    @Test
    void noAudioDeviceIsToldAsSuch() {
        PlaybackProblem p = PlaybackProblem.classify("PLAYBACK_HALTED", "Could not open audio device for playback.",
                "Linux", text);
        assertEquals(PlaybackProblem.Kind.NO_AUDIO_DEVICE, p.kind());
        assertTrue(p.message().startsWith("No audio device is available"), p.message());
    }

    @Test
    void missingFfmpegOnLinuxSaysWhichPackagesToInstall() {
        PlaybackProblem p = PlaybackProblem.classify("UNKNOWN",
                "com.sun.media.jfxmedia.MediaException: Could not create player!", "Linux", text);
        assertEquals(PlaybackProblem.Kind.MISSING_FFMPEG, p.kind());
        assertTrue(p.message().contains("install libavcodec/libavformat (Debian: libavcodec59 libavformat59)"),
                p.message());
    }

    @Test
    void unsupportedCodecsAndUnreachableLinksAreToldApart() {
        assertEquals(PlaybackProblem.Kind.UNSUPPORTED_FORMAT,
                PlaybackProblem.classify("MEDIA_UNSUPPORTED", "Unrecognized file signature!", "Linux", text).kind());
        assertEquals(PlaybackProblem.Kind.UNREACHABLE,
                PlaybackProblem.classify("MEDIA_INACCESSIBLE", "Connection refused", "Windows 11", text).kind());
        assertEquals(PlaybackProblem.Kind.OTHER,
                PlaybackProblem.classify("UNKNOWN", "Could not create player!", "Mac OS X", text).kind());
    }
}
