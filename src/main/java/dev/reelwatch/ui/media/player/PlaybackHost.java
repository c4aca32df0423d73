package dev.reelwatch.ui.media.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What this machine offers the built-in player, as far as files tell: FFmpeg's decoders (JavaFX needs them on
 * Linux) and a sound output. The engine's bare "Could not create player!" means either; these facts say which
 * is likelier. Read from disk by {@link #probe}, off the FX thread.
 */
public record PlaybackHost(String osName, Presence decoders, Presence soundOutput) {

    /** Whether a thing was found; UNKNOWN where it was not looked for (off Linux, or not probed yet). */
    public enum Presence { FOUND, MISSING, UNKNOWN }

    private static final List<Path> LIBRARY_DIRS = Stream.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/local/lib").map(Path::of).toList();
    private static final List<String> DECODERS = List.of("libavcodec", "libavformat");
    /** ALSA's playback devices: pcmC0D0p is card 0, device 0, playback. */
    private static final Pattern ALSA_PLAYBACK = Pattern.compile("pcmC\\d+D\\d+p");

    public PlaybackHost {
        osName = osName == null ? "" : osName;
    }

    /** Nothing looked up: the player tells failures from the engine's words alone. */
    public static PlaybackHost unknown(String osName) {
        return new PlaybackHost(osName, Presence.UNKNOWN, Presence.UNKNOWN);
    }

    /** Looks at this machine's library folders, sound devices and sound-server sockets (blocking file reads). */
    public static PlaybackHost probe(String osName) {
        return probe(osName, LIBRARY_DIRS, Path.of("/dev/snd"), System.getenv());
    }

    static PlaybackHost probe(String osName, List<Path> libraryDirs, Path soundDevices, Map<String, String> env) {
        if (!isLinux(osName)) {
            return unknown(osName);
        }
        Presence decoders = missingDecoders(osName, libraryDirs).isEmpty() ? Presence.FOUND : Presence.MISSING;
        Presence sound = hasAlsaPlayback(soundDevices) || hasSoundServer(env) ? Presence.FOUND : Presence.MISSING;
        return new PlaybackHost(osName, decoders, sound);
    }

    /** The FFmpeg libraries JavaFX needs that none of {@code libraryDirs} holds (none are needed off Linux). */
    public static List<String> missingDecoders(String osName, List<Path> libraryDirs) {
        if (!isLinux(osName)) {
            return List.of();
        }
        return DECODERS.stream().filter(lib -> !present(lib, libraryDirs)).toList();
    }

    /** The library folders a Linux system keeps FFmpeg in. */
    public static List<Path> libraryDirs() {
        return LIBRARY_DIRS;
    }

    public boolean linux() {
        return isLinux(osName);
    }

    private static boolean isLinux(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean present(String lib, List<Path> dirs) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith(lib + ".so"))) {
                    return true;
                }
            } catch (IOException e) {
                // an unreadable folder: look in the next one
            }
        }
        return false;
    }

    private static boolean hasAlsaPlayback(Path soundDevices) {
        if (!Files.isDirectory(soundDevices)) {
            return false;
        }
        try (Stream<Path> files = Files.list(soundDevices)) {
            return files.anyMatch(p -> ALSA_PLAYBACK.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /** A PulseAudio or PipeWire server, which ALSA's default device plays through even without /dev/snd. */
    private static boolean hasSoundServer(Map<String, String> env) {
        if (!env.getOrDefault("PULSE_SERVER", "").isBlank()) {
            return true;
        }
        String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
        if (runtime.isBlank()) {
            return false;
        }
        Path dir = Path.of(runtime);
        return Files.exists(dir.resolve("pulse").resolve("native")) || Files.exists(dir.resolve("pipewire-0"));
    }
}
