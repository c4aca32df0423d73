package dev.reelwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The release version, read from the resource the build fills in from pom.xml's {@code <version>}. */
public final class BuildVersion {
    /** Written by Maven's resource filtering (src/main/resources-filtered); the only copy of the version. */
    static final String RESOURCE = "/dev/reelwatch/version.properties";

    private BuildVersion() {
    }

    /** The version, e.g. "0.1.0"; "dev" when the classes were built without Maven's resource step. */
    public static String current() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An IDE that copies resources without filtering leaves the placeholder in place.
            return version.isEmpty() || version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
