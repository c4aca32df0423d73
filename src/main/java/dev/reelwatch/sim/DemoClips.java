package dev.reelwatch.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small real H.264 clips (video only) that simulated tasks produce. They ship as resources; the script
 * {@code scripts/make-demo-clips.sh} regenerates them with ffmpeg's test sources.
 */
public final class DemoClips {
    /** Clip names, without extension; each is {@code /dev/reelwatch/sim/clips/NAME.mp4} on the classpath. */
    public static final List<String> NAMES = List.of("testcard", "bars", "mandel", "aurora");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The clip's MP4. */
    public byte[] bytes(String name) {
        return cache.computeIfAbsent(name + ".mp4", DemoClips::load);
    }

    /** The clip's JPEG still (its last frame), for thumbnail URLs. */
    public byte[] thumbnail(String name) {
        return cache.computeIfAbsent(name + ".jpg", DemoClips::load);
    }

    public String nameFor(int index) {
        return NAMES.get(Math.floorMod(index, NAMES.size()));
    }

    private static byte[] load(String file) {
        String path = "/dev/reelwatch/sim/clips/" + file;
        try (InputStream in = DemoClips.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo clip file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
