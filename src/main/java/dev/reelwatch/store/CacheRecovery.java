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
 * moved aside with a timestamp (with its -wal and -shm), a fresh cache is created, the accounts are put back
 * from {@link AccountsBackup}, and what can still be read of the damaged file (tasks with their stars, notes,
 * tags, timeline and archive records) is salvaged into it ({@link CacheSalvage}); the poller then refills the
 * rest from the providers. A cache from a newer Reelwatch is never touched ({@link NewerSchemaException} goes
 * to the caller). In a data directory nothing can be written to, the cache is opened read-only.
 */
public final class CacheRecovery {
    private static final Logger LOG = Logger.getLogger(CacheRecovery.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CacheRecovery() {
    }

    /** Settings key of the last rebuild: "instant|tasks salvaged", see {@link #rebuildNotice}. */
    static final String REBUILT_KEY = "cache.rebuilt";

    /**
     * The open cache; when it had to be rebuilt, where the damaged file went and what was salvaged from it;
     * whether it is open read-only.
     */
    public record OpenedCache(Database database, Optional<Path> movedAside, int restoredAccounts,
                              Optional<String> salvaged, boolean readOnly) {

        public OpenedCache(Database database, Optional<Path> movedAside, int restoredAccounts) {
            this(database, movedAside, restoredAccounts, Optional.empty(), false);
        }

        /** What to tell the user when the cache was rebuilt or is read-only; empty otherwise. */
        public Optional<String> notice() {
            if (readOnly) {
                return Optional.of("The data directory " + database.file().getParent() + " is read-only: showing"
                        + " the cache as it is; nothing can be saved.");
            }
            return movedAside.map(p -> "The cache was damaged or not a Reelwatch database; it was moved aside to "
                    + p + " and a new one was created. " + restoredAccounts + " account(s) were restored from "
                    + AccountsBackup.FILE_NAME + ". " + salvaged.orElse("") + " Everything else is fetched again"
                    + " from the providers with the next sync.");
        }
    }

    /**
     * Opens {@link DataDirectory#databaseFile(Path)} in {@code dataDir}, rebuilding it when it is damaged.
     *
     * @throws NewerSchemaException the cache is from a newer Reelwatch; it is left as it is
     */
    public static OpenedCache open(Path dataDir, Clock clock) {
        return open(dataDir, clock, true);
    }

    /**
     * Like {@link #open(Path, Clock)}; when {@code writable} is false (see {@link DataDirectory#isWritable})
     * the existing cache is opened read-only and never moved or changed.
     */
    public static OpenedCache open(Path dataDir, Clock clock, boolean writable) {
        Path file = DataDirectory.databaseFile(dataDir);
        if (!writable) {
            return new OpenedCache(Database.openReadOnly(file), Optional.empty(), 0, Optional.empty(), true);
        }
        try {
            return new OpenedCache(Database.open(file), Optional.empty(), 0);
        } catch (CorruptDatabaseException e) {
            LOG.warning(() -> "moving the damaged cache aside: " + e.getMessage());
            Path aside = moveAside(file, clock);
            Database fresh = Database.open(file);
            int restored = restoreAccounts(fresh, dataDir);
            CacheSalvage.Report report = CacheSalvage.salvage(aside, fresh);
            new SqliteSettingsStore(fresh).put(REBUILT_KEY, clock.instant() + "|" + report.recovered("tasks"));
            return new OpenedCache(fresh, Optional.of(aside), restored, Optional.of(report.describe()), false);
        }
    }

    /**
     * Until an account has synced since the cache was last rebuilt: a sentence saying the cache was rebuilt
     * and holds only what was salvaged (or nothing) until the next sync. Empty otherwise.
     */
    public static Optional<String> rebuildNotice(SettingsStore settings, AccountStore accounts) {
        Optional<String> marker = settings.get(REBUILT_KEY);
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = marker.get().split("\\|", 2);
        java.time.Instant at;
        try {
            at = java.time.Instant.parse(parts[0]);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        boolean syncedSince = accounts.all().stream().map(a -> accounts.health(a.id()))
                .flatMap(Optional::stream)
                .anyMatch(h -> h.lastSuccess() != null && !h.lastSuccess().isBefore(at));
        if (syncedSince) {
            return Optional.empty();
        }
        long salvaged = parts.length > 1 ? parseOr(parts[1]) : 0;
        return Optional.of(salvaged == 0
                ? "The cache was rebuilt at " + at + " after it was found damaged, and is empty until the next"
                + " sync: run 'reelwatch sync'."
                : "The cache was rebuilt at " + at + " after it was found damaged; it holds only the " + salvaged
                + " task(s) recovered from the damaged file until the next sync: run 'reelwatch sync'.");
    }

    private static long parseOr(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
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
                LOG.warning(() -> "could not restore account '" + e.account().name() + "': " + skipped.getMessage());
            }
        }
        return n;
    }
}
