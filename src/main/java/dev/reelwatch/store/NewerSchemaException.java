package dev.reelwatch.store;

import java.nio.file.Path;

/** The cache was written by a newer Reelwatch; this version leaves it alone rather than damage it. */
public class NewerSchemaException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int fileVersion;
    private final int knownVersion;

    public NewerSchemaException(Path file, int fileVersion, int knownVersion) {
        super("The cache " + file + " was created by a newer Reelwatch (schema " + fileVersion
                + "; this version knows " + knownVersion + ") — refusing to change it. Update Reelwatch or use"
                + " another data directory (--data-dir).");
        this.fileVersion = fileVersion;
        this.knownVersion = knownVersion;
    }

    public int fileVersion() {
        return fileVersion;
    }

    public int knownVersion() {
        return knownVersion;
    }
}
