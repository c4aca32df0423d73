package dev.reelwatch.app;

import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.ArchiveService;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.ThumbnailStore;
import dev.reelwatch.media.TransferLimits;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.rules.RuleEngine;
import dev.reelwatch.rules.RuleExporter;
import dev.reelwatch.store.RuleStore;
import dev.reelwatch.store.SqliteRuleStore;
import dev.reelwatch.sync.Sleeper;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.AccountsBackup;
import dev.reelwatch.store.BackedUpAccountStore;
import dev.reelwatch.store.CacheRecovery;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.DataDirectory;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.ResolvingClientFactory;
import dev.reelwatch.sync.SyncCadence;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.sync.SyncSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the desktop app runs on besides its windows: the data directory, the stores, the one HTTP
 * transport, the poller and the background executor. Built once at start-up; {@link #close()} stops it all
 * in reverse order of creation.
 */
public final class DesktopServices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesktopServices.class.getName());

    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private final Path dataDir;
    private final Clock clock;
    private final Database database;
    private final TaskStore tasks;
    private final AccountStore accounts;
    private final BackedUpAccountStore backedUpAccounts;
    private final SettingsStore settings;
    private final CredentialStore credentials;
    private final CredentialResolver credentialResolver;
    private final HttpTransport transport;
    private final ProviderClients providerClients;
    private final PollingSyncService sync;
    /** {@link #sync} with its cache-reading calls off the caller's (the FX) thread. */
    private final SyncService syncForWindow;
    private final ExecutorService background;
    private final PlainHttpConsent plainHttpConsent;
    private final Optional<String> recoveryNotice;
    private final VideoArchive videoArchive;
    private final ArchiveService archive;
    private final ThumbnailStore thumbnails;
    private final RuleStore rules;
    private final RuleEngine ruleEngine;

    public DesktopServices(Path dataDir, Map<String, String> env, Clock clock) {
        this(dataDir, env, clock, true);
    }

    /**
     * @param writable false (see {@link DataDirectory#isWritable}) opens the cache read-only: it can be browsed,
     *                 every write fails with a ReadOnlyCacheException, and no accounts backup is written
     */
    public DesktopServices(Path dataDir, Map<String, String> env, Clock clock, boolean writable) {
        this.dataDir = dataDir;
        this.clock = clock;
        CacheRecovery.OpenedCache opened = CacheRecovery.open(dataDir, clock, writable);
        database = opened.database();
        recoveryNotice = opened.notice();
        closeInReverse.push(database);
        tasks = new SqliteTaskStore(database, clock);
        settings = new SqliteSettingsStore(database);
        plainHttpConsent = new PlainHttpConsent(settings);
        BackedUpAccountStore backedUp = new BackedUpAccountStore(new SqliteAccountStore(database), plainHttpConsent,
                new AccountsBackup(DataDirectory.accountsBackupFile(dataDir)));
        // The accounts backup is written once the window is up (writeAccountsBackup): JSON is not in its first frame.
        backedUpAccounts = backedUp;
        accounts = backedUp;
        credentials = new CredentialStore(DataDirectory.credentialsFile(dataDir));
        credentialResolver = new CredentialResolver(credentials, env);
        transport = HttpTransport.standard(AppInfo.version(), clock);
        providerClients = new ProviderClients(transport);
        ResolvingClientFactory clientFactory = new ResolvingClientFactory(providerClients, credentialResolver);
        // The user's cadence (Preferences → Sync) from the start; later changes reach the poller live.
        sync = new PollingSyncService(accounts, tasks, settings, clientFactory, clock,
                SyncCadence.read(settings).applyTo(SyncSettings.defaults()));
        closeInReverse.push(sync);
        // A download's time is bounded by its size at a minimum rate, and by 30 s without a byte.
        FileDownloader downloader = new FileDownloader(transport.client(), transport.userAgent(),
                TransferLimits.defaults(), DiskSpace.system(), clock);
        videoArchive = new VideoArchive(dataDir, settings);
        archive = new ArchiveService(new OutputArchiver(tasks, accounts, settings, clientFactory, downloader, videoArchive,
                ArchiveOptions.defaults()));
        closeInReverse.push(archive);
        thumbnails = new ThumbnailStore(videoArchive, downloader);
        rules = new SqliteRuleStore(database, clock);
        ExecutorService ruleExports = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reelwatch-rule-exports");
            t.setDaemon(true);
            return t;
        });
        closeInReverse.push(() -> {
            ruleExports.shutdownNow();
            ruleExports.awaitTermination(1, TimeUnit.SECONDS);
        });
        ruleEngine = new RuleEngine(rules, tasks, RuleExporter.over(VideoExporter.over(archive, tasks), settings,
                ZoneId.systemDefault()), ruleExports, ArchiveOptions.defaults(), Sleeper.system(), activity -> {
                    if (activity.problem()) {
                        LOG.warning(activity.message());
                    }
                });
        // Attached before the poller starts, so no status change it stores goes unseen by the rules.
        ruleEngine.attach();
        closeInReverse.push(ruleEngine::detach);
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "reelwatch-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        closeInReverse.push(() -> {
            background.shutdownNow();
            background.awaitTermination(1, TimeUnit.SECONDS);
        });
        syncForWindow = new SyncCallsInBackground(sync, background);
    }

    /** Registers something to close with the app (demo servers, archive service …), before what it uses. */
    public void closeWithApp(AutoCloseable closeable) {
        closeInReverse.push(closeable);
    }

    /** Set when a damaged cache was moved aside and rebuilt at start-up: what to tell the user. */
    public Optional<String> recoveryNotice() {
        return recoveryNotice;
    }

    /** Which accounts may use plain HTTP to another machine. */
    public PlainHttpConsent plainHttpConsent() {
        return plainHttpConsent;
    }

    /** Writes {@code accounts.json} again, e.g. after an account's plain-HTTP consent changed. */
    public void writeAccountsBackup() {
        if (!readOnly()) {
            backedUpAccounts.writeBackup();
        }
    }

    /** Hands back the memory that reading the whole cache at start left in SQLite's page cache. */
    public void releaseLoadMemory() {
        database.releaseReadCache();
    }

    /** Whether the cache was opened read-only: nothing is saved, and the poller and the archiver stay off. */
    public boolean readOnly() {
        return database.isReadOnly();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public TaskStore tasks() {
        return tasks;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public SettingsStore settings() {
        return settings;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public CredentialResolver credentialResolver() {
        return credentialResolver;
    }

    public HttpTransport transport() {
        return transport;
    }

    public ProviderClients providerClients() {
        return providerClients;
    }

    /** The poller, for the window: calls that read the cache run on a background thread, in order. */
    public SyncService sync() {
        return syncForWindow;
    }

    /** Hands a cadence chosen in Preferences to the running poller. */
    public void applyCadence(SyncCadence cadence) {
        sync.applyCadence(cadence);
    }

    public VideoArchive videoArchive() {
        return videoArchive;
    }

    /** Archives finished videos in the background; started with the poller. */
    public ArchiveService archive() {
        return archive;
    }

    public ThumbnailStore thumbnails() {
        return thumbnails;
    }

    /** The rules and their firing records. */
    public RuleStore rules() {
        return rules;
    }

    /** Fires the rules for what the poller stores; also answers the Rules editor's preview. */
    public RuleEngine ruleEngine() {
        return ruleEngine;
    }

    /** The executor for UI-triggered background work (queries, tests of connections, file operations). */
    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        while (!closeInReverse.isEmpty()) {
            AutoCloseable c = closeInReverse.pop();
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.log(Level.WARNING, "could not close " + c + " cleanly", e);
            }
        }
    }
}
