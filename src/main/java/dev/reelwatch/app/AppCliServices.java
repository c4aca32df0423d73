package dev.reelwatch.app;

import dev.reelwatch.cli.CliServices;
import dev.reelwatch.cli.CliServicesFactory;
import dev.reelwatch.store.AccountStore;
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
import java.util.Map;

/** The command line's services over the real data directory: SQLite stores and the credentials file. */
public final class AppCliServices implements CliServicesFactory {
    private final Map<String, String> env;
    private final String osName;
    private final Path userHome;
    private final Clock clock;

    /** {@code env}, {@code osName} and {@code userHome} choose the default data directory (see DataDirectory). */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock) {
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.userHome = userHome;
        this.clock = clock;
    }

    @Override
    public CliServices open(Path dataDirOverrideOrNull) {
        String override = dataDirOverrideOrNull == null ? null : dataDirOverrideOrNull.toString();
        Path dir = DataDirectory.prepare(DataDirectory.resolve(override, env, osName, userHome.toString()));
        return new Opened(dir, clock);
    }

    /** Opens the database on first use, so commands that only need the key file never lock it. */
    private static final class Opened implements CliServices {
        private final Path dir;
        private final Clock clock;
        private Database database;
        private AccountStore accounts;
        private TaskStore tasks;
        private SettingsStore settings;
        private CredentialStore credentials;

        Opened(Path dir, Clock clock) {
            this.dir = dir;
            this.clock = clock;
        }

        private Database database() {
            if (database == null) {
                database = Database.open(DataDirectory.databaseFile(dir));
            }
            return database;
        }

        @Override
        public AccountStore accounts() {
            if (accounts == null) {
                accounts = new SqliteAccountStore(database());
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
                credentials = new CredentialStore(DataDirectory.credentialsFile(dir));
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
