package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * For tests that play video: JavaFX on Linux decodes with the system's FFmpeg libraries. Without them such
 * tests are skipped on a developer machine but FAIL when {@code CI=true}, so CI never goes green untested.
 */
public final class MediaLibraries {
    private static final List<String> LIB_DIRS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/local/lib");

    private MediaLibraries() {
    }

    /** Skips (developer machine) or fails (CI=true) the calling test when the decoders are missing. */
    public static void require() {
        require(System.getProperty("os.name", ""), System.getenv("CI"), LIB_DIRS.stream().map(Path::of).toList());
    }

    static void require(String osName, String ciVariable, List<Path> libraryDirs) {
        List<String> missing = missing(osName, libraryDirs);
        if (missing.isEmpty()) {
            return;
        }
        String why = "JavaFX media needs " + String.join(" and ", missing)
                + " (Debian/Ubuntu: apt-get install libavcodec59 libavformat59)";
        if ("true".equalsIgnoreCase(ciVariable)) {
            fail(why + "; CI=true, so this test fails instead of skipping.");
        }
        Assumptions.abort(why + "; skipped on this machine.");
    }

    /** The FFmpeg libraries JavaFX needs that none of {@code libraryDirs} holds (none needed off Linux). */
    static List<String> missing(String osName, List<Path> libraryDirs) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return List.of();
        }
        return Stream.of("libavcodec", "libavformat").filter(lib -> !present(lib, libraryDirs)).toList();
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
                // unreadable folder: look in the next one
            }
        }
        return false;
    }
}
