package dev.reelwatch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the data directory's cache and copes with a damaged one: a file that is not a Reelwatch database is
 * moved aside with a timestamp (with its -wal and -shm), a fresh cache is created, and the accounts are put
 * back from {@link AccountsBackup}; the poller then refills the tasks from the providers. A cache from a newer
 * Reelwatch is never touched ({@link NewerSchemaException} goes to the caller).
 */
public final class CacheRecovery {
    private static final Logger LOG = Logger.getLogger(CacheRecovery.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CacheRecovery() {
    }

    /** The open cache and, when it had to be rebuilt, where the damaged file went. */
    public record OpenedCache(Database database, Optional<Path> movedAside, int restoredAccounts) {

        /** One sentence for the user when the cache was rebuilt; empty otherwise. */
        public Optional<String> notice() {
            return movedAside.map(p -> "The cache was damaged or not a Reelwatch database; it was moved aside to "
                    + p + " and a new one was created. " + restoredAccounts + " account(s) were restored from "
                    + AccountsBackup.FILE_NAME + "; their tasks are fetched again from the providers.");
        }
    }

    /**
     * Opens {@link DataDirectory#databaseFile(Path)} in {@code dataDir}, rebuilding it when it is damaged.
     *
     * @throws NewerSchemaException the cache is from a newer Reelwatch; it is left as it is
     */
    public static OpenedCache open(Path dataDir, Clock clock) {
        Path file = DataDirectory.databaseFile(dataDir);
        try {
            return new OpenedCache(Database.open(file), Optional.empty(), 0);
        } catch (CorruptDatabaseException e) {
            LOG.warning(() -> "moving the damaged cache aside: " + e.getMessage());
            Path aside = moveAside(file, clock);
            Database fresh = Database.open(file);
            int restored = restoreAccounts(fresh, dataDir);
            return new OpenedCache(fresh, Optional.of(aside), restored);
        }
    }

    private static Path moveAside(Path file, Clock clock) {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        try {
            Files.move(file, target);
            // SQLite pairs "X" with "X-wal" and "X-shm": keep them together under the new name.
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, target.resolveSibling(target.getFileName() + suffix));
                }
            }
        } catch (IOException e) {
            throw new StoreException("The cache " + file + " is damaged and could not be moved aside ("
                    + e.getMessage() + "); move or delete it, then start Reelwatch again.", e);
        }
        return target;
    }

    private static int restoreAccounts(Database fresh, Path dataDir) {
        AccountsBackup backup = new AccountsBackup(DataDirectory.accountsBackupFile(dataDir));
        SqliteAccountStore accounts = new SqliteAccountStore(fresh);
        PlainHttpConsent consent = new PlainHttpConsent(new SqliteSettingsStore(fresh));
        int n = 0;
        for (AccountsBackup.Entry e : backup.load()) {
            try {
                accounts.add(e.account());
                consent.set(e.account().name(), e.allowPlainHttp());
                n++;
            } catch (RuntimeException skipped) {
                LOG.log(Level.WARNING, "could not restore account '" + e.account().name() + "'", skipped);
            }
        }
        return n;
    }
}
