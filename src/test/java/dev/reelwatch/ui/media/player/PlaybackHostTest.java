package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaybackHostTest {
    @TempDir
    Path dir;

    @Test
    void decodersAndAnAlsaPlaybackDeviceAreFoundOnLinux() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("lib"));
        Path snd = Files.createDirectories(dir.resolve("snd"));
        Files.createFile(libs.resolve("libavcodec.so.59"));
        Files.createFile(snd.resolve("controlC0"));
        Files.createFile(snd.resolve("pcmC0D0c"));

        PlaybackHost captureOnly = PlaybackHost.probe("Linux", List.of(libs), snd, Map.of());
        assertEquals(PlaybackHost.Presence.MISSING, captureOnly.decoders(), "libavformat is missing");
        assertEquals(PlaybackHost.Presence.MISSING, captureOnly.soundOutput(), "a capture device plays nothing");

        Files.createFile(libs.resolve("libavformat.so.59.27.100"));
        Files.createFile(snd.resolve("pcmC0D0p"));
        PlaybackHost equipped = PlaybackHost.probe("Linux", List.of(libs), snd, Map.of());
        assertEquals(PlaybackHost.Presence.FOUND, equipped.decoders());
        assertEquals(PlaybackHost.Presence.FOUND, equipped.soundOutput());
    }

    @Test
    void aSoundServerSocketCountsAsASoundOutputWithoutAlsaDevices() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Path none = dir.resolve("no-snd");
        assertEquals(PlaybackHost.Presence.MISSING,
                PlaybackHost.probe("Linux", List.of(), none, Map.of("XDG_RUNTIME_DIR", runtime.toString())).soundOutput());

        Files.createFile(runtime.resolve("pipewire-0"));
        assertEquals(PlaybackHost.Presence.FOUND,
                PlaybackHost.probe("Linux", List.of(), none, Map.of("XDG_RUNTIME_DIR", runtime.toString())).soundOutput());
        assertEquals(PlaybackHost.Presence.FOUND,
                PlaybackHost.probe("Linux", List.of(), none, Map.of("PULSE_SERVER", "tcp:localhost")).soundOutput());
    }

    @Test
    void otherSystemsAreNotGuessedAt() {
        PlaybackHost mac = PlaybackHost.probe("Mac OS X", List.of(), dir, Map.of());
        assertEquals(PlaybackHost.Presence.UNKNOWN, mac.decoders());
        assertEquals(PlaybackHost.Presence.UNKNOWN, mac.soundOutput());
        assertEquals(List.of(), PlaybackHost.missingDecoders("Windows 11", List.of()));
    }
}
