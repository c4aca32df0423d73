package dev.reelwatch.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cache's SQLite file: opens it, migrates its schema, and runs work on one write connection and one read
 * connection (WAL lets reads go on while the poller writes). The stores are built on top of it.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 5000;
    private static final int CACHE_SIZE = -16_000;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_FULL = 13;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final TaskChangeListeners listeners = new TaskChangeListeners();

    private final boolean readOnly;

    private Database(Path file, Connection writer, Connection reader, boolean readOnly) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.readOnly = readOnly;
    }

    /**
     * Loads SQLite's native library, which the driver extracts from its jar and compares byte by byte on first
     * use. The desktop start calls it on a thread of its own while JavaFX starts, so the first open does not
     * pay for it; a failure here is left to that open to report.
     */
    public static void loadNativeLibrary() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // The open that follows fails with the same cause and says so.
        }
    }

    /**
     * Opens (creating if needed) the cache at {@code file} and brings its schema up to date.
     *
     * @throws NewerSchemaException     the file is from a newer Reelwatch; it is left untouched
     * @throws CorruptDatabaseException the file is not an SQLite database or is damaged; it is left untouched
     * @throws StoreException           the file cannot be opened or written
     */
    public static Database open(Path file) {
        return open(file, Migrations.latestVersion());
    }

    /** Opens the cache migrated only up to {@code targetVersion}: lets tests build databases of older versions. */
    static Database open(Path file, int targetVersion) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Could not create the folder for the cache " + absolute + ": " + e.getMessage(), e);
        }
        checkNotTruncated(absolute);
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(absolute, false);
            // Look before changing anything: a newer or damaged file must stay exactly as it is.
            int version = inspect(writer);
            if (version > Migrations.latestVersion()) {
                throw new NewerSchemaException(absolute, version, Migrations.latestVersion());
            }
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            Migrations.migrate(writer, targetVersion);
            reader = connect(absolute, true);
            return new Database(absolute, writer, reader, false);
        } catch (SQLException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw classify(absolute, "Could not open the cache " + absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * A connection that can never write: SQLite's {@code mode=ro}; {@code immutable} also promises SQLite that
     * nobody changes the file, so it needs no -wal or -shm beside it (a read-only folder, a damaged file).
     */
    static Connection connectReadOnly(Path file, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + uri(file) + "?mode=ro" + (immutable ? "&immutable=1" : ""));
    }

    /** {@code file:} URI of a path, with the characters SQLite's URI parser treats specially escaped. */
    private static String uri(Path file) {
        String path = file.toAbsolutePath().toString().replace('\\', '/');
        StringBuilder out = new StringBuilder("file:");
        for (char c : path.toCharArray()) {
            if (c == '%' || c == '?' || c == '#' || c == ' ') {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Opens an existing cache read-only, for a data directory nothing can be written to: reads work as
     * usual, every write fails with {@link ReadOnlyCacheException}. The schema is not migrated; a cache too
     * old or too new to read is refused.
     */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath();
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connectReadOnly(absolute, true);
            int version = inspect(writer);
            if (version > Migrations.latestVersion()) {
                throw new NewerSchemaException(absolute, version, Migrations.latestVersion());
            }
            if (version < Migrations.latestVersion()) {
                throw new StoreException("The cache " + absolute + " is from an older Reelwatch and the data"
                        + " directory is read-only, so it cannot be brought up to date.");
            }
            reader = connectReadOnly(absolute, true);
            return new Database(absolute, writer, reader, true);
        } catch (SQLException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw classify(absolute, "Could not open the cache " + absolute + " read-only", e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e;
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            // A larger page cache (in KiB when negative) keeps big histories quick to list and search.
            statement.execute("PRAGMA cache_size = " + CACHE_SIZE);
            if (readOnly) {
                statement.execute("PRAGMA query_only = ON");
            }
        }
        return connection;
    }

    /**
     * SQLite opens a truncated file without complaint and fails only when a lost page is read, perhaps much
     * later. The header says how many pages the file had at its last checkpoint; a shorter file lost its tail.
     */
    private static void checkNotTruncated(Path file) {
        byte[] header = new byte[100];
        long size;
        try (var in = Files.newInputStream(file)) {
            size = Files.size(file);
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return;
            }
        } catch (IOException e) {
            return; // No file yet, or unreadable: opening it says what is wrong.
        }
        if (!new String(header, 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
            return;
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        long pageSizeBytes = pageSize == 1 ? 65536 : pageSize;
        long pages = readInt(header, 28);
        boolean countValid = readInt(header, 24) == readInt(header, 92);
        if (countValid && pages > 0 && size < pages * pageSizeBytes) {
            throw new CorruptDatabaseException(file, new IOException("the file is truncated: " + size + " of "
                    + pages * pageSizeBytes + " bytes"));
        }
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Reads the schema version; reading the schema table makes SQLite check that this is a database at all. */
    private static int inspect(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
        return Migrations.userVersion(connection);
    }

    /** A worded failure for the user: disk full, read-only and damaged caches get their own message. */
    static StoreException classify(Path file, String what, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        Path folder = file.toAbsolutePath().getParent();
        if (primary == SQLITE_FULL) {
            return new DiskFullException(folder, e);
        }
        if (primary == SQLITE_READONLY) {
            return new ReadOnlyCacheException(folder, e);
        }
        if (isCorruption(e)) {
            return new CorruptDatabaseException(file, e);
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    private static boolean isCorruption(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    /** The schema version this code writes. */
    public static int latestSchemaVersion() {
        return Migrations.latestVersion();
    }

    public Path file() {
        return file;
    }

    /** The schema version of the open file. */
    public int schemaVersion() {
        return read("read the schema version", Migrations::userVersion);
    }

    TaskChangeListeners listeners() {
        return listeners;
    }

    /** Whether this cache was opened read-only (see {@link #openReadOnly}). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Runs {@code work} in one write transaction (BEGIN IMMEDIATE), serialized with every other write. */
    <T> T write(String what, SqlWork<T> work) {
        if (readOnly) {
            throw new ReadOnlyCacheException(file.getParent(), null);
        }
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", what, work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the read connection in one read transaction, so it sees one consistent snapshot. */
    <T> T read(String what, SqlWork<T> work) {
        readLock.lock();
        try {
            return inTransaction(reader, "BEGIN", what, work);
        } finally {
            readLock.unlock();
        }
    }

    // Transactions are begun by hand: the driver's own autocommit=false re-begins at once after each commit,
    // which with BEGIN IMMEDIATE would hold the write lock between writes and shut out other processes (the CLI).
    private <T> T inTransaction(Connection connection, String begin, String what, SqlWork<T> work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(begin);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            statement.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw classify(file, "Could not " + what + " in the cache " + file, e);
        }
    }

    /**
     * Hands back the read connection's page cache (SQLite's {@code shrink_memory}). Reading the whole cache once
     * at start fills it (16 MB) with pages no later query is likely to ask for again.
     */
    public void releaseReadCache() {
        readLock.lock();
        try (Statement statement = reader.createStatement()) {
            statement.execute("PRAGMA shrink_memory");
        } catch (SQLException e) {
            throw classify(file, "Could not release the cache's memory", e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Lets the cache file grow by at most {@code extraPages} pages (SQLite's {@code max_page_count}); a write
     * beyond that fails as {@code SQLITE_FULL}, exactly as a full disk does. For tests of the disk-full path.
     */
    public void capGrowth(long extraPages) {
        writeLock.lock();
        try (Statement statement = writer.createStatement()) {
            long pages;
            try (var rs = statement.executeQuery("PRAGMA page_count")) {
                pages = rs.next() ? rs.getLong(1) : 0;
            }
            statement.execute("PRAGMA max_page_count = " + (pages + Math.max(0, extraPages)));
        } catch (SQLException e) {
            throw classify(file, "Could not cap the cache's size", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readLock.lock();
            try {
                closeQuietly(reader);
                closeQuietly(writer);
            } finally {
                readLock.unlock();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is best effort; nothing useful can be done with a failure here.
            }
        }
    }
}
