package dev.reelwatch.app;

import dev.reelwatch.cli.BuildVersion;

/** Names and version of the app, in one place. */
public final class AppInfo {
    public static final String ID = "dev.reelwatch.Reelwatch";
    public static final String NAME = "Reelwatch";

    private AppInfo() {
    }

    /** The version from pom.xml (About, the HTTP User-Agent); the packages and the metainfo use the same one. */
    public static String version() {
        return BuildVersion.current();
    }
}
