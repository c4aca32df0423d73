package dev.reelwatch.ui.main;

import java.nio.file.Path;
import java.util.List;

/** What Help → About tells: the version, where the data lives, and the licences of the bundled libraries. */
public record AboutInfo(String name, String version, Path dataDir, List<BundledLibrary> libraries) {

    /** One library shipped inside Reelwatch and its licence. */
    public record BundledLibrary(String name, String licence) {
    }

    public AboutInfo {
        libraries = List.copyOf(libraries);
    }

    /** The libraries the jar bundles, as the pom declares them. */
    public static List<BundledLibrary> bundledLibraries() {
        return List.of(new BundledLibrary("OpenJFX (JavaFX)", "GPLv2 with the Classpath Exception"),
                new BundledLibrary("ControlsFX", "BSD 3-Clause"),
                new BundledLibrary("Jackson", "Apache License 2.0"),
                new BundledLibrary("sqlite-jdbc (Xerial)", "Apache License 2.0"),
                new BundledLibrary("picocli", "Apache License 2.0"));
    }
}
