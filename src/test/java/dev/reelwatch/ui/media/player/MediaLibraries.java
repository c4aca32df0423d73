package dev.reelwatch.ui.media.player;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * For tests that play video: JavaFX on Linux decodes with the system's FFmpeg libraries. Without them such
 * tests are skipped on a developer machine but FAIL when {@code CI=true}, so CI never goes green untested.
 */
public final class MediaLibraries {

    private MediaLibraries() {
    }

    /** Skips (developer machine) or fails (CI=true) the calling test when the decoders are missing. */
    public static void require() {
        require(System.getProperty("os.name", ""), System.getenv("CI"), PlaybackHost.libraryDirs());
    }

    static void require(String osName, String ciVariable, List<Path> libraryDirs) {
        List<String> missing = PlaybackHost.missingDecoders(osName, libraryDirs);
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
}
