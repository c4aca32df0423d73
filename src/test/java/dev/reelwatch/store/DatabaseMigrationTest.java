package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseMigrationTest {
    @TempDir
    Path dir;

    @Test
    void freshFileGetsTheLatestSchemaInWalModeWithForeignKeys() throws SQLException {
        Path file = dir.resolve("reelwatch.db");
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            assertTrue(Database.latestSchemaVersion() >= 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals("wal", single(c, "PRAGMA journal_mode"));
            List<String> tables = column(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            assertTrue(tables.containsAll(List.of("accounts", "account_health", "tasks", "task_outputs",
                    "task_events", "task_tags", "settings", "tasks_fts")), tables.toString());
            List<String> indexes = column(c, "SELECT name FROM sqlite_master WHERE type = 'index'");
            assertTrue(indexes.containsAll(List.of("tasks_by_created", "tasks_by_status", "tasks_by_account",
                    "tasks_by_model")), indexes.toString());
        }
    }

    @Test
    void reopeningAnUpToDateFileChangesNothing() {
        Path file = dir.resolve("reelwatch.db");
        try (StoreFixture first = new StoreFixture(dir)) {
            first.account("main");
        }
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            assertEquals(1, new SqliteAccountStore(db).all().size());
        }
    }

    @Test
    void everyEarlierVersionUpgradesToTheLatestKeepingItsRows() throws SQLException {
        for (int version = 1; version < Database.latestSchemaVersion(); version++) {
            Path file = dir.resolve("v" + version + ".db");
            try (Database old = Database.open(file, version)) {
                assertEquals(version, old.schemaVersion());
            }
            insertVersionOneRows(file);

            try (Database db = Database.open(file)) {
                assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
                SqliteTaskStore tasks = new SqliteTaskStore(db, new AdjustableClock(StoreFixture.START));
                assertEquals("dark", new SqliteSettingsStore(db).get("theme").orElseThrow());
                StoredTask task = tasks.find(1, "old-task-1").orElseThrow();
                assertEquals("an old prompt", task.task().prompt());
                assertEquals(TaskStatus.SUCCEEDED, task.task().status());
                assertEquals("https://cdn.example/old.mp4", task.outputs().get(0).output().url());
                assertEquals(1, tasks.timeline(task.id()).size());
                assertEquals(1, tasks.query(new TaskQuery(null, null, "old", 0, 0, false)).size(),
                        "the full-text index survives the upgrade");
            }
            // The personal-library columns of version 2 are usable on the upgraded file.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
                s.executeUpdate("UPDATE tasks SET starred = 1, note = 'keeper' WHERE provider_task_id = 'old-task-1'");
                s.executeUpdate("INSERT INTO task_tags (task_id, tag) SELECT id, 'ocean' FROM tasks");
                assertEquals("keeper", single(c, "SELECT note FROM tasks WHERE starred = 1"));
                assertEquals("ocean", single(c, "SELECT tag FROM task_tags"));
                s.executeUpdate("DELETE FROM tasks");
                assertEquals("0", single(c, "SELECT count(*) FROM task_tags"), "tags go with their task");
            }
        }
    }

    @Test
    void notesAndTagsWrittenBeforeVersionThreeBecomeSearchable() throws SQLException {
        Path file = dir.resolve("v2.db");
        try (Database old = Database.open(file, 2)) {
            assertEquals(2, old.schemaVersion());
        }
        insertVersionOneRows(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tasks SET starred = 1, note = 'lighthouse keeper' WHERE id = 1");
            s.executeUpdate("INSERT INTO task_tags (task_id, tag) VALUES (1, 'portfolio')");
        }

        try (Database db = Database.open(file)) {
            SqliteTaskStore tasks = new SqliteTaskStore(db, new AdjustableClock(StoreFixture.START));
            assertEquals(1, tasks.count(new TaskQuery(null, null, "lighthouse", 0, 0, false)), "the old note");
            assertEquals(1, tasks.count(new TaskQuery(null, null, "portfolio", 0, 0, false)), "the old tag");
            assertEquals(1, tasks.count(new TaskQuery(null, null, "old prompt", 0, 0, false)), "the prompt");
            StoredTask task = tasks.byId(1).orElseThrow();
            assertTrue(task.starred());
            assertEquals(List.of("portfolio"), task.tags());
        }
    }

    @Test
    void versionFourGivesOldClockOnlyExpiriesTheirAttemptAndLearnsSeenFinishedFromTheTimeline() throws SQLException {
        Path file = dir.resolve("v3.db");
        try (Database old = Database.open(file, 3)) {
            assertEquals(3, old.schemaVersion());
        }
        insertVersionOneRows(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            // Reelwatch before version 4 marked a MeshAPI link expired by the clock alone, never asking the server.
            s.executeUpdate("UPDATE task_outputs SET expires_at = 1700086400000, archive_state = 'link_expired',"
                    + " archive_error = 'The link expired at 2023-11-15T22:13:20Z before the file could be downloaded.'");
            s.executeUpdate("INSERT INTO task_outputs (task_id, idx, url, kind, expires_at, archive_state, archive_error)"
                    + " VALUES (1, 1, 'https://cdn.example/gone.mp4', 'video', 1700086400000, 'link_expired',"
                    + " 'The link no longer works (HTTP 403); it has expired on the provider''s side.')");
        }

        try (Database db = Database.open(file)) {
            SqliteTaskStore tasks = new SqliteTaskStore(db, new AdjustableClock(StoreFixture.START));
            StoredTask task = tasks.find(1, "old-task-1").orElseThrow();
            StoredOutput neverTried = task.outputs().get(0);
            assertEquals(ArchiveState.NONE, neverTried.archiveState(), "it gets its attempt now");
            assertEquals(null, neverTried.archiveError());
            assertEquals(ExpirySource.INFERRED, neverTried.output().expirySource(), "MeshAPI's expiry was inferred");
            assertEquals(ArchiveState.LINK_EXPIRED, task.outputs().get(1).archiveState(), "a server said so: kept");
            assertEquals(java.time.Instant.ofEpochMilli(1700000000000L), task.finishedSeenAt(),
                    "from the timeline's first terminal event");
            assertEquals(1, tasks.outputsAwaitingArchive(0).size());
        }
    }

    @Test
    void newerSchemaIsRefusedAndTheFileLeftUntouched() throws Exception {
        Path file = dir.resolve("reelwatch.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        NewerSchemaException e = assertThrows(NewerSchemaException.class, () -> Database.open(file));

        assertTrue(e.getMessage().contains("created by a newer Reelwatch (schema 99; this version knows "
                + Database.latestSchemaVersion() + ") — refusing to change it"), e.getMessage());
        assertEquals(99, e.fileVersion());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(e instanceof StoreException);
    }

    @Test
    void fileThatIsNotADatabaseIsReportedAsCorruptAndLeftUntouched() throws Exception {
        Path file = dir.resolve("reelwatch.db");
        Files.writeString(file, "This is a shopping list, not a database.\n".repeat(100), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class, () -> Database.open(file));

        assertEquals(file.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void migrationFilesSplitIntoWholeStatementsIncludingTriggers() {
        List<String> statements = Migrations.statements("V1__init.sql");
        assertTrue(statements.stream().allMatch(s -> s.endsWith(";")));
        assertEquals(3, statements.stream().filter(s -> s.startsWith("CREATE TRIGGER")).count());
        assertTrue(statements.stream().filter(s -> s.startsWith("CREATE TRIGGER")).allMatch(s -> s.endsWith("END;")));
    }

    /** Rows written with plain SQL against the version-1 tables, as an old Reelwatch would have. */
    private static void insertVersionOneRows(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO accounts (id, provider, name, name_key, base_url, credential_source,"
                    + " credential_name, enabled, demo) VALUES (1, 'meshapi', 'Old', 'old', 'https://api.meshapi.ai',"
                    + " 'CREDENTIALS_FILE', 'Old', 1, 0)");
            s.executeUpdate("INSERT INTO tasks (id, account_id, provider_task_id, status, provider_status, prompt,"
                    + " model, created_at, fingerprint, first_seen_at, last_synced_at) VALUES (1, 1, 'old-task-1',"
                    + " 'succeeded', 'completed', 'an old prompt', 'veo-2', 1700000000000, 'x', 1700000000000,"
                    + " 1700000000000)");
            s.executeUpdate("INSERT INTO task_outputs (task_id, idx, url, kind) VALUES (1, 0,"
                    + " 'https://cdn.example/old.mp4', 'video')");
            s.executeUpdate("INSERT INTO task_events (task_id, at, from_status, to_status, provider_status)"
                    + " VALUES (1, 1700000000000, NULL, 'succeeded', 'completed')");
            s.executeUpdate("INSERT INTO settings (key, value) VALUES ('theme', 'dark')");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> values = column(c, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
