package dev.reelwatch.app;

import dev.reelwatch.cli.CliServices;
import dev.reelwatch.cli.CliServicesFactory;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.rules.DeferredExecutor;
import dev.reelwatch.rules.RuleEngine;
import dev.reelwatch.rules.RuleExporter;
import dev.reelwatch.store.RuleStore;
import dev.reelwatch.store.SqliteRuleStore;
import dev.reelwatch.sync.Sleeper;
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
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;

/** The command line's services over the real data directory: SQLite stores and the credentials file. */
public final class AppCliServices implements CliServicesFactory {
    private final Map<String, String> env;
    private final String osName;
    private final Path userHome;
    private final Clock clock;
    private final Consumer<String> notices;
    private final Sleeper sleeper;

    /** {@code env}, {@code osName} and {@code userHome} choose the default data directory (see DataDirectory). */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock) {
        this(env, osName, userHome, clock, notice -> { });
    }

    /**
     * @param notices told, in one line, when a damaged cache had to be moved aside and rebuilt, and when a rule's
     *                export failed
     */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock,
                          Consumer<String> notices) {
        this(env, osName, userHome, clock, notices, Sleeper.system());
    }

    /** @param sleeper waits between the attempts of a failing rule export */
    public AppCliServices(Map<String, String> env, String osName, Path userHome, Clock clock,
                          Consumer<String> notices, Sleeper sleeper) {
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.userHome = userHome;
        this.clock = clock;
        this.notices = notices;
        this.sleeper = sleeper;
    }

    @Override
    public CliServices open(Path dataDirOverrideOrNull) {
        String override = dataDirOverrideOrNull == null ? null : dataDirOverrideOrNull.toString();
        // A read-only data directory that holds a cache is still opened, read-only, so it can be browsed.
        Path dir = DataDirectory.prepareForReading(DataDirectory.resolve(override, env, osName, userHome.toString()));
        return new Opened(dir, env, clock, notices, sleeper);
    }

    /** Opens the database on first use, so commands that only need the key file never lock it. */
    private static final class Opened implements CliServices {
        private final Path dir;
        private final Map<String, String> env;
        private final Clock clock;
        private final Consumer<String> notices;
        private final Sleeper sleeper;
        private final DeferredExecutor ruleExports = new DeferredExecutor();
        private Database database;
        private AccountStore accounts;
        private TaskStore tasks;
        private SettingsStore settings;
        private CredentialStore credentials;
        private RuleStore rules;
        private RuleEngine ruleEngine;
        private RuleExporter ruleExporter;

        Opened(Path dir, Map<String, String> env, Clock clock, Consumer<String> notices, Sleeper sleeper) {
            this.dir = dir;
            this.env = env;
            this.clock = clock;
            this.notices = notices;
            this.sleeper = sleeper;
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
                // Rules fire for whatever this command stores, as they do in the app.
                ruleEngine = newRuleEngine(tasks);
                ruleEngine.attach();
            }
            return tasks;
        }

        @Override
        public RuleStore rules() {
            if (rules == null) {
                rules = new SqliteRuleStore(database(), clock);
            }
            return rules;
        }

        @Override
        public RuleEngine ruleEngine() {
            tasks();
            return ruleEngine;
        }

        private RuleEngine newRuleEngine(TaskStore taskStore) {
            // The archiver (and its HTTP client) is only built when a rule really exports.
            RuleExporter exporter = (taskId, folder, template) -> {
                if (ruleExporter == null) {
                    ruleExporter = RuleExporter.over(VideoExporter.over(CliSync.archiver(this, env, clock)),
                            settings(), ZoneId.systemDefault());
                }
                return ruleExporter.export(taskId, folder, template);
            };
            return new RuleEngine(rules(), taskStore, exporter, ruleExports, ArchiveOptions.defaults(), sleeper,
                    activity -> {
                        if (activity.problem()) {
                            notices.accept(activity.message());
                        }
                    });
        }

        @Override
        public void settleRules() throws InterruptedException {
            if (ruleEngine != null) {
                ruleExports.runPending();
                ruleEngine.awaitExports();
            }
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
            if (ruleEngine != null && database != null) {
                try {
                    settleRules();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    notices.accept("a rule's export could not finish: " + e.getMessage());
                }
            }
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
