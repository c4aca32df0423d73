package dev.reelwatch.app;

import dev.reelwatch.cli.CliServices;
import dev.reelwatch.cli.CliServicesFactory;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.AccountsBackup;
import dev.reelwatch.store.BackedUpAccountStore;
import dev.reelwatch.store.CacheRecovery;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskStore;

import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;

/** The command line's services over the real data directory: SQLite stores and the credentials file. */
public final class AppCliServices implements CliServicesFactory {
    private final Map<String, String> env;
    private final String osName;
    private final Path userHome;
    private final Clock clock;
    private final Consumer<String> notices;

    /** {@code env}, {@code osName} and {@code userHome} choose the default data directory (see DataDirectory). */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock) {
        this(env, osName, userHome, clock, notice -> { });
    }

    /** @param notices told, in one line, when a damaged cache had to be moved aside and rebuilt */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock,
                          Consumer<String> notices) {
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.userHome = userHome;
        this.clock = clock;
        this.notices = notices;
    }

    @Override
    public CliServices open(Path dataDirOverrideOrNull) {
        String override = dataDirOverrideOrNull == null ? null : dataDirOverrideOrNull.toString();
        // A read-only data directory that holds a cache is still opened, read-only, so it can be browsed.
        Path dir = DataDirectory.prepareForReading(DataDirectory.resolve(override, env, osName, userHome.toString()));
        return new Opened(dir, clock, notices);
    }

    /** Opens the database on first use, so commands that only need the key file never lock it. */
    private static final class Opened implements CliServices {
        private final Path dir;
        private final Clock clock;
        private final Consumer<String> notices;
        private Database database;
        private AccountStore accounts;
        private TaskStore tasks;
        private SettingsStore settings;
        private CredentialStore credentials;

        Opened(Path dir, Clock clock, Consumer<String> notices) {
            this.dir = dir;
            this.clock = clock;
            this.notices = notices;
        }

        private Database database() {
            if (database == null) {
                CacheRecovery.OpenedCache opened = CacheRecovery.open(dir, clock, DataDirectory.isWritable(dir));
                database = opened.database();
                opened.notice().ifPresent(notices);
            }
            return database;
        }

        @Override
        public AccountStore accounts() {
            if (accounts == null) {
                Path backupFile = DataDirectory.accountsBackupFile(dir);
                BackedUpAccountStore backedUp = new BackedUpAccountStore(new SqliteAccountStore(database()),
                        new PlainHttpConsent(settings()), new AccountsBackup(backupFile));
                if (!Files.exists(backupFile) && !database().isReadOnly()) {
                    backedUp.writeBackup();
                }
                accounts = backedUp;
            }
            return accounts;
        }

        @Override
        public TaskStore tasks() {
            if (tasks == null) {
                tasks = new SqliteTaskStore(database(), clock);
            }
            return tasks;
        }

        @Override
        public SettingsStore settings() {
            if (settings == null) {
                settings = new SqliteSettingsStore(database());
            }
            return settings;
        }

        @Override
        public CredentialStore credentials() {
            if (credentials == null) {
                credentials = new CredentialStore(DataDirectory.credentialsFile(dir), notices);
            }
            return credentials;
        }

        @Override
        public Path dataDir() {
            return dir;
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
