package dev.reelwatch.store;

import java.nio.file.Path;

/** The cache file is not an SQLite database or is damaged; it can be moved aside and rebuilt from the providers. */
public class CorruptDatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CorruptDatabaseException(Path file, Throwable cause) {
        super("The cache " + file + " is not a Reelwatch database or is damaged (" + cause.getMessage() + ").", cause);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
