package dev.reelwatch.sync;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** A sync test with a fresh {@link SyncTestbed} (a real SQLite cache in a temp dir), closed after each test. */
abstract class SyncTestbedCase {
    @TempDir
    Path dir;
    SyncTestbed bed;

    @BeforeEach
    void openTestbed() {
        bed = new SyncTestbed(dir);
    }

    @AfterEach
    void closeTestbed() {
        bed.close();
    }

    /** Moves the test clock: time passes only when a test says so. */
    void advance(Duration d) {
        bed.clock.advance(d);
    }
}
