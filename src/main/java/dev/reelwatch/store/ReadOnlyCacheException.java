package dev.reelwatch.store;

import java.nio.file.Path;

/**
 * A write was asked of a cache that is open read-only (a read-only data directory, such as a mounted backup
 * or a disk remounted read-only): browsing works, nothing can be saved.
 */
public class ReadOnlyCacheException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyCacheException(Path folder, Throwable cause) {
        super("The data directory " + folder + " is read-only: Reelwatch can show what is cached, but nothing"
                + " can be saved there.", cause);
    }
}
