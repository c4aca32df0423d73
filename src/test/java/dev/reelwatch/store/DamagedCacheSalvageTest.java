package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A truncated cache is moved aside and rebuilt, and what only this machine knew (stars, notes, tags, the
 * observed timeline, archive records) is salvaged from the readable part of it. A read-only data directory
 * is browsed through a read-only cache whose writes fail with a sentence.
 */
class DamagedCacheSalvageTest {
    private static final int TASKS = 400;
    @TempDir
    Path dir;
    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T18:15:00Z"));

    private long buildCache() {
        try (Database db = CacheRecovery.open(dir, clock).database()) {
            BackedUpAccountStore accounts = new BackedUpAccountStore(new SqliteAccountStore(db),
                    new PlainHttpConsent(new SqliteSettingsStore(db)),
                    new AccountsBackup(DataDirectory.accountsBackupFile(dir)));
            Account a = accounts.add(new Account(0, ProviderKind.MESHAPI, "studio", URI.create("https://api.example"),
                    CredentialRef.credentialsFile("studio"), true, false));
            SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
            List<Task> running = new ArrayList<>();
            List<Task> done = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                TaskOutput out = new TaskOutput(0, "https://cdn.example/v" + i + ".mp4", OutputKind.VIDEO, null, null,
                        null, "video/mp4", false);
                running.add(Task.builder("t-" + i, TaskStatus.RUNNING).prompt("prompt " + "x".repeat(300) + i)
                        .createdAt(clock.instant().minusSeconds(i)).build());
                done.add(Task.builder("t-" + i, TaskStatus.SUCCEEDED).prompt("prompt " + "x".repeat(300) + i)
                        .createdAt(clock.instant().minusSeconds(i)).addOutput(out).build());
            }
            tasks.upsert(a.id(), running);
            clock.advance(Duration.ofMinutes(1));
            tasks.upsert(a.id(), done);
            for (StoredTask t : tasks.query(TaskQuery.all())) {
                tasks.setStarred(t.id(), true);
                tasks.setNote(t.id(), "note of " + t.task().providerTaskId());
                tasks.setTags(t.id(), List.of("keeper", "batch"));
                tasks.updateArchive(t.outputs().get(0).id(), ArchiveState.ARCHIVED, "/library/" + t.id() + ".mp4",
                        1000L, "abc", 100, null);
            }
            return a.id();
        }
    }

    @Test
    void aTruncatedCacheIsRebuiltWithStarsTagsNotesTimelineAndArchiveRecordsSalvaged() throws Exception {
        buildCache();
        Path file = DataDirectory.databaseFile(dir);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size * 9 / 10);
        }

        CacheRecovery.OpenedCache opened = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CacheRecovery.open(dir, clock));
        try (Database db = opened.database()) {
            assertTrue(opened.movedAside().isPresent(), "the truncated file was noticed and moved aside");
            String notice = opened.notice().orElseThrow();
            assertTrue(notice.contains("Recovered from it: "), notice);

            SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
            List<StoredTask> salvaged = tasks.query(TaskQuery.all());
            assertTrue(salvaged.size() > TASKS / 4 && salvaged.size() <= TASKS, "salvaged " + salvaged.size());
            for (StoredTask t : salvaged) {
                assertTrue(t.starred(), t.task().providerTaskId());
                assertEquals("note of " + t.task().providerTaskId(), t.note());
            }
            long tagged = salvaged.stream().filter(t -> t.tags().contains("keeper")).count();
            long archived = salvaged.stream().filter(t -> !t.outputs().isEmpty()
                    && t.outputs().get(0).archiveState() == ArchiveState.ARCHIVED).count();
            long withTimeline = salvaged.stream().filter(t -> tasks.timeline(t.id()).size() >= 2).count();
            assertTrue(tagged > 0 && archived > 0 && withTimeline > 0,
                    "tags " + tagged + ", archive records " + archived + ", timelines " + withTimeline);
            assertTrue(notice.contains(salvaged.size() + " tasks"), notice);

            // Until a sync, `tasks` says the cache was rebuilt and holds only what was salvaged.
            SqliteSettingsStore settings = new SqliteSettingsStore(db);
            SqliteAccountStore accounts = new SqliteAccountStore(db);
            String pending = CacheRecovery.rebuildNotice(settings, accounts).orElseThrow();
            assertTrue(pending.contains("rebuilt") && pending.contains(salvaged.size() + " task(s) recovered"),
                    pending);
            Account studio = accounts.byName("studio").orElseThrow();
            accounts.saveHealth(new dev.reelwatch.core.AccountHealth(studio.id(), clock.instant().plusSeconds(5),
                    clock.instant().plusSeconds(5), null, null, null, false, java.util.Map.of()));
            assertTrue(CacheRecovery.rebuildNotice(settings, accounts).isEmpty(), "a sync ends the notice");
        }
    }

    @Test
    void aCacheThatIsNoDatabaseAtAllIsRebuiltEmptyAndSaysSo() throws Exception {
        buildCache();
        Files.writeString(DataDirectory.databaseFile(dir), "not a database ".repeat(500));

        CacheRecovery.OpenedCache opened = CacheRecovery.open(dir, clock);
        try (Database db = opened.database()) {
            assertTrue(opened.notice().orElseThrow().contains("Nothing could be recovered"), opened.notice()::get);
            String pending = CacheRecovery.rebuildNotice(new SqliteSettingsStore(db), new SqliteAccountStore(db))
                    .orElseThrow();
            assertTrue(pending.contains("is empty until the next sync"), pending);
            assertEquals(1, new SqliteAccountStore(db).all().size(), "the accounts came back from the backup");
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsBrowsedAndOnlyWritesFail() {
        long accountId = buildCache();
        // The write check is what decides; as root, chmod would not stop writes, so the decision is given.
        CacheRecovery.OpenedCache opened = CacheRecovery.open(dir, clock, false);
        try (Database db = opened.database()) {
            assertTrue(db.isReadOnly());
            assertTrue(opened.notice().orElseThrow().contains("nothing can be saved"));
            SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
            assertEquals(TASKS, tasks.count(TaskQuery.all()), "browsing works");
            assertEquals(1, new SqliteAccountStore(db).all().size());
            long taskId = tasks.find(accountId, "t-1").orElseThrow().id();

            ReadOnlyCacheException e = assertThrows(ReadOnlyCacheException.class, () -> tasks.setStarred(taskId, false));
            assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains(dir.toString()), e.getMessage());
            assertTrue(tasks.byId(taskId).orElseThrow().starred(), "nothing changed");
        }
        assertFalse(Files.exists(DataDirectory.databaseFile(dir).resolveSibling("reelwatch.db-wal")),
                "a read-only open leaves no -wal behind");
    }

    @Test
    void sqliteItselfRefusesWritesOnTheReadOnlyConnection() throws Exception {
        buildCache();
        try (var c = Database.connectReadOnly(DataDirectory.databaseFile(dir), true);
             var s = c.createStatement()) {
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                    () -> s.execute("UPDATE tasks SET starred = 0"));
            assertEquals(8, e.getErrorCode() & 0xff, "SQLITE_READONLY: " + e.getMessage());
            assertTrue(Database.classify(DataDirectory.databaseFile(dir), "x", e) instanceof ReadOnlyCacheException);
        }
    }
}
