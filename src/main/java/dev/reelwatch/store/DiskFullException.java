package dev.reelwatch.store;

import java.nio.file.Path;

/**
 * The disk holding the cache is full (SQLite's {@code SQLITE_FULL}). The write was rolled back, so the
 * cache is as it was: nothing was lost, and syncing again after freeing space completes the work.
 */
public class DiskFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(Path folder, Throwable cause) {
        super("The disk holding " + folder + " is full: free space and sync again; nothing was lost.", cause);
    }
}
