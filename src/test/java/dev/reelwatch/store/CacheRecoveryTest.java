package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheRecoveryTest {
    @TempDir
    Path dir;
    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T18:15:00Z"));

    private BackedUpAccountStore accounts(Database db) {
        return new BackedUpAccountStore(new SqliteAccountStore(db), new PlainHttpConsent(new SqliteSettingsStore(db)),
                new AccountsBackup(DataDirectory.accountsBackupFile(dir)));
    }

    @Test
    void everyChangeToTheAccountsRewritesTheBackupWithoutAnyKey() throws Exception {
        try (Database db = CacheRecovery.open(dir, clock).database()) {
            BackedUpAccountStore accounts = accounts(db);
            Account a = accounts.add(new Account(0, ProviderKind.MESHAPI, "studio", URI.create("https://api.example"),
                    CredentialRef.credentialsFile("studio"), true, false));
            new PlainHttpConsent(new SqliteSettingsStore(db)).set("nas", true);
            accounts.add(new Account(0, ProviderKind.MONEYPRINTERTURBO, "nas", URI.create("http://192.168.1.20:8080"),
                    CredentialRef.none(), true, false));
            accounts.update(a.withEnabled(false));

            List<AccountsBackup.Entry> saved = new AccountsBackup(DataDirectory.accountsBackupFile(dir)).load();
            assertEquals(2, saved.size());
            java.util.Map<String, AccountsBackup.Entry> byName = new java.util.HashMap<>();
            saved.forEach(e -> byName.put(e.account().name(), e));
            assertFalse(byName.get("studio").account().enabled(), "the backup follows updates");
            assertTrue(byName.get("nas").allowPlainHttp());
            assertFalse(byName.get("studio").allowPlainHttp());
            String text = Files.readString(DataDirectory.accountsBackupFile(dir));
            assertFalse(text.contains("sk-"), text);

            accounts.remove(a.id());
            assertEquals(1, new AccountsBackup(DataDirectory.accountsBackupFile(dir)).load().size());
        }
    }

    @Test
    void damagedCacheIsMovedAsideWithItsWalAndRebuiltWithTheAccountsFromTheBackup() throws Exception {
        try (Database db = CacheRecovery.open(dir, clock).database()) {
            BackedUpAccountStore accounts = accounts(db);
            new PlainHttpConsent(new SqliteSettingsStore(db)).set("nas", true);
            accounts.add(new Account(0, ProviderKind.MONEYPRINTERTURBO, "nas", URI.create("http://192.168.1.20:8080"),
                    CredentialRef.none(), true, false));
            accounts.add(new Account(0, ProviderKind.HEDRA, "hedra", URI.create("https://api.hedra.com"),
                    CredentialRef.environment("HEDRA_KEY"), true, false));
        }
        Path file = DataDirectory.databaseFile(dir);
        byte[] garbage = "This is a shopping list, not a database.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        Files.write(dir.resolve("reelwatch.db-wal"), new byte[] {1, 2, 3});

        CacheRecovery.OpenedCache opened = CacheRecovery.open(dir, clock);
        try (Database db = opened.database()) {
            Path aside = dir.resolve("reelwatch.db.corrupt-20261123T181500Z");
            assertEquals(aside, opened.movedAside().orElseThrow());
            assertArrayEquals(garbage, Files.readAllBytes(aside), "the damaged file is kept as it was");
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve(aside.getFileName() + "-wal")));
            assertEquals(2, opened.restoredAccounts());
            assertTrue(opened.notice().orElseThrow().contains(aside.toString()));

            SqliteAccountStore accounts = new SqliteAccountStore(db);
            assertEquals(List.of("hedra", "nas"), accounts.all().stream().map(Account::name).sorted().toList());
            assertEquals(CredentialRef.environment("HEDRA_KEY"), accounts.byName("hedra").orElseThrow().credential());
            assertTrue(new PlainHttpConsent(new SqliteSettingsStore(db)).isAllowed("nas"));
            assertEquals("ok", integrity(file));
        }
    }

    @Test
    void secondDamageTheSameSecondGetsItsOwnName() throws Exception {
        Files.writeString(DataDirectory.databaseFile(dir), "garbage ".repeat(1000));
        CacheRecovery.open(dir, clock).database().close();
        Files.writeString(DataDirectory.databaseFile(dir), "more garbage ".repeat(1000));
        CacheRecovery.OpenedCache second = CacheRecovery.open(dir, clock);
        second.database().close();
        assertEquals(dir.resolve("reelwatch.db.corrupt-20261123T181500Z-2"), second.movedAside().orElseThrow());
    }

    @Test
    void cacheFromANewerReelwatchIsRefusedAndNothingIsMoved() throws Exception {
        Path file = DataDirectory.databaseFile(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);
        assertThrows(NewerSchemaException.class, () -> CacheRecovery.open(dir, clock));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("corrupt")));
        }
    }

    static String integrity(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             var rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
