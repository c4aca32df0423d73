package dev.reelwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DataDirectoryTest {
    private static final String HOME = "/home/ada";

    @TempDir
    Path dir;

    @Test
    void linuxUsesXdgDataHomeOrTheLocalShareDefault() {
        assertEquals(Path.of("/data/xdg/reelwatch"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/reelwatch"), DataDirectory.resolve(null, Map.of(), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/reelwatch"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative/ignored"), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/reelwatch"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", " "), "FreeBSD", HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Roaming").resolve("Reelwatch"), DataDirectory.resolve(null,
                Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"), "Windows 11", HOME));
        assertEquals(Path.of(HOME, "AppData", "Roaming", "Reelwatch"),
                DataDirectory.resolve(null, Map.of(), "Windows 10", HOME));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of(HOME, "Library", "Application Support", "Reelwatch"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/ignored"), "Mac OS X", HOME));
    }

    @Test
    void dataDirOptionBeatsReelwatchHomeWhichBeatsTheOsDefault() {
        Map<String, String> env = Map.of("REELWATCH_HOME", "/srv/reelwatch", "XDG_DATA_HOME", "/data/xdg");

        assertEquals(Path.of("/tmp/cli"), DataDirectory.resolve("/tmp/cli", env, "Linux", HOME));
        assertEquals(Path.of("/srv/reelwatch"), DataDirectory.resolve(null, env, "Linux", HOME));
        assertEquals(Path.of("/srv/reelwatch"), DataDirectory.resolve("  ", env, "Windows 11", HOME));
        assertEquals(Path.of(HOME, "reel"), DataDirectory.resolve("~/reel", env, "Linux", HOME));
    }

    @Test
    void prepareCreatesTheDirectoryOwnerOnly() throws Exception {
        Path target = dir.resolve("a/b/reelwatch");

        Path prepared = DataDirectory.prepare(target);

        assertTrue(Files.isDirectory(prepared));
        assertEquals(prepared.resolve("reelwatch.db"), DataDirectory.databaseFile(prepared));
        assertEquals(prepared.resolve("credentials.properties"), DataDirectory.credentialsFile(prepared));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(prepared)));
        }
        assertEquals(prepared, DataDirectory.prepare(prepared), "preparing twice is fine");
    }

    @Test
    void prepareRefusesAFileOrAPlaceInsideOne() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        StoreException notADirectory = assertThrows(StoreException.class, () -> DataDirectory.prepare(file));
        StoreException insideAFile = assertThrows(StoreException.class,
                () -> DataDirectory.prepare(file.resolve("reelwatch")));

        assertTrue(notADirectory.getMessage().startsWith("The data directory " + file + " is not writable: "),
                notADirectory.getMessage());
        assertTrue(insideAFile.getMessage().contains("is not writable"), insideAFile.getMessage());
    }

    @Test
    void aWritableDirectoryIsProbedWithoutLeavingAFile() throws Exception {
        assertTrue(DataDirectory.isWritable(dir));
        assertTrue(DataDirectory.isWritable(dir), "a second probe does not trip over the first");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the probe file is gone");
        }
        assertFalse(DataDirectory.isWritable(dir.resolve("missing")), "a directory that does not exist");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertFalse(DataDirectory.isWritable(file), "a file is not a directory");
    }
}
