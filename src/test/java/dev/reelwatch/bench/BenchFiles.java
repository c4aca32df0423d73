package dev.reelwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where benchmarks keep their files: {@code target/bench}, with the 100,000-task cache the ingest leaves. */
final class BenchFiles {
    static final Path ROOT = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();

    private BenchFiles() {
    }

    /** The cache the ingest benchmark filled through the real sync path; later benchmarks copy it. */
    static Path cache(int tasks) {
        return ROOT.resolve("cache-" + tasks + ".db");
    }

    /** A fresh, empty folder under the bench root. */
    static Path freshDir(String name) {
        Path dir = ROOT.resolve(name);
        delete(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data directory holding a copy of the ingested cache, as the app finds it at start. */
    static Path dataDirWithCache(String name, int tasks) {
        Path source = cache(tasks);
        if (!Files.exists(source)) {
            throw new IllegalStateException("No cache at " + source + ": run the ingest benchmark first"
                    + " (mvn -Pbench exec:exec@ingest, or scripts/bench.sh).");
        }
        Path dir = freshDir(name);
        Path file = dir.resolve("reelwatch.db");
        try {
            Files.copy(source, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A long-used cache has no backlog of 90,000 downloads: its old links expired long ago. Without this
        // the archiver would spend the run failing to fetch videos from the replay server, which is gone.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE task_outputs SET archive_state = 'failed',"
                    + " archive_error = 'The link expired before the video was archived.'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
