package dev.reelwatch.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written next to a path; a seam so tests can play a full disk. */
@FunctionalInterface
public interface DiskSpace {

    /** Usable bytes on the file store holding {@code existingDir}. */
    long usableBytes(Path existingDir) throws IOException;

    /** The real file system's answer. */
    static DiskSpace system() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
