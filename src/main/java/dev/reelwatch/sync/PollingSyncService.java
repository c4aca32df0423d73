package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.TaskStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background poller. One scheduler thread wakes every {@link SyncSettings#tick()} and hands each account
 * whose pass is due (by the injected clock) to a bounded worker pool; an account never has two passes at
 * once, so a slow or hanging provider holds one worker and delays nobody else. Threads are non-daemon and
 * stopped by {@link #close()} within a second.
 */
public final class PollingSyncService implements SyncService {
    private static final Logger LOG = Logger.getLogger(PollingSyncService.class.getName());
    private static final long CLOSE_WAIT_MILLIS = 800;

    private final AccountStore accounts;
    private final TaskStore tasks;
    private final ClientFactory clients;
    private final Clock clock;
    private volatile SyncSettings settings;
    private final SyncBookmarks bookmarks;
    private final PlainHttpConsent plainHttp;
    private final ProviderRequestLimits limits;
    private final SyncPause pause;
    private final Map<Long, AccountPoller> pollers = new ConcurrentHashMap<>();
    private final List<SyncStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private volatile SyncStatus lastPublished;
    private volatile boolean closed;
    private ScheduledExecutorService scheduler;
    private ThreadPoolExecutor workers;

    public PollingSyncService(AccountStore accounts, TaskStore tasks, SettingsStore settingsStore,
                              ClientFactory clients, Clock clock, SyncSettings settings) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.clients = clients;
        this.clock = clock;
        this.settings = settings;
        this.bookmarks = new SyncBookmarks(settingsStore);
        this.plainHttp = new PlainHttpConsent(settingsStore);
        this.limits = new ProviderRequestLimits(settings.perProviderConcurrency());
        this.pause = new SyncPause(settingsStore);
        this.lastPublished = new SyncStatus(false, Map.of(), 0);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the sync service was closed");
            }
            if (scheduler != null) {
                return;
            }
            workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), threads("reelwatch-sync-worker"));
            workers.allowCoreThreadTimeOut(true);
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, threads("reelwatch-sync-scheduler"));
            s.setRemoveOnCancelPolicy(true);
            scheduler = s;
        }
        accountsChanged();
        long tickMs = Math.max(1, settings.tick().toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, 0, tickMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService s;
        ThreadPoolExecutor w;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            s = scheduler;
            w = workers;
        }
        pollers.values().forEach(AccountPoller::stop);
        if (s == null) {
            return;
        }
        s.shutdownNow();
        w.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        try {
            s.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!w.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)) {
                LOG.warning("some sync requests were still running at close; they end with their timeouts");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void refreshNow() {
        pollers.values().forEach(AccountPoller::requestManualPass);
        wakeUp();
    }

    @Override
    public void refreshAccount(long accountId) {
        AccountPoller p = pollers.get(accountId);
        if (p == null) {
            accountsChanged();
            p = pollers.get(accountId);
        }
        if (p != null) {
            p.requestManualPass();
            wakeUp();
        }
    }

    @Override
    public void refreshTask(long taskId) {
        tasks.byId(taskId).ifPresent(t -> {
            AccountPoller p = pollers.get(t.accountId());
            if (p != null) {
                p.requestTask(t.task().providerTaskId());
                wakeUp();
            }
        });
    }

    @Override
    public void accountsChanged() {
        if (closed) {
            return;
        }
        // A paused account (or everything, while all syncing is paused) has no poller: no request can reach it.
        Map<Long, Account> wanted = new HashMap<>();
        if (!pause.allPaused()) {
            Set<Long> paused = accounts.pausedIds();
            for (Account a : accounts.all()) {
                if (a.enabled() && !paused.contains(a.id())) {
                    wanted.put(a.id(), a);
                }
            }
        }
        synchronized (pollers) {
            for (AccountPoller p : List.copyOf(pollers.values())) {
                Account now = wanted.get(p.account().id());
                if (now == null || !now.equals(p.account())) {
                    p.stop();
                    pollers.remove(p.account().id());
                    if (now != null && !now.baseUrl().equals(p.account().baseUrl())) {
                        // Another server: what we knew about listing the old one says nothing about it.
                        bookmarks.clear(now.id());
                    }
                }
            }
            wanted.forEach((id, account) -> pollers.computeIfAbsent(id, k -> newPoller(account)));
        }
        publishStatus();
        wakeUp();
    }

    /**
     * Changes the cadences while running (Preferences → Sync): every account's poller takes them up at its
     * next pass, which comes at once. Any thread.
     */
    public void applyCadence(SyncCadence cadence) {
        SyncSettings next = cadence.applyTo(settings);
        settings = next;
        synchronized (pollers) {
            pollers.values().forEach(p -> p.retune(next));
        }
        wakeUp();
    }

    /** The settings new passes work with now. */
    public SyncSettings settings() {
        return settings;
    }

    /** The settings the poller of this account works with now; empty when the account is not polled. */
    public java.util.Optional<SyncSettings> settingsOf(long accountId) {
        return java.util.Optional.ofNullable(pollers.get(accountId)).map(AccountPoller::settings);
    }

    @Override
    public SyncStatus status() {
        return snapshot();
    }

    @Override
    public void addStatusListener(SyncStatusListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStatusListener(SyncStatusListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs, on the calling thread, every pass that is due now by the clock (manual requests included) and
     * returns when they are done. For tests and tools that drive the poller step by step without {@link #start()}.
     */
    public void runDuePasses() {
        if (pollers.isEmpty()) {
            accountsChanged();
        }
        Instant now = clock.instant();
        for (AccountPoller p : List.copyOf(pollers.values())) {
            if (p.isDue(now) && p.tryClaim()) {
                try {
                    p.poll(false);
                } finally {
                    p.release();
                }
            }
        }
    }

    private AccountPoller newPoller(Account account) {
        return new AccountPoller(account, clients, tasks, accounts, bookmarks, plainHttp, limits, clock, settings,
                h -> publishStatus());
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (AccountPoller p : List.copyOf(pollers.values())) {
                if (closed) {
                    return;
                }
                if (p.isDue(now) && p.tryClaim()) {
                    try {
                        workers.execute(() -> runPass(p));
                    } catch (RejectedExecutionException e) {
                        p.release();
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            // A failing tick (say, the store is briefly locked) must not end the schedule.
            LOG.log(Level.WARNING, "sync scheduler tick failed", e);
        }
    }

    private void runPass(AccountPoller p) {
        try {
            p.poll(false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sync pass of account '" + p.account().name() + "' failed", e);
        } finally {
            p.release();
        }
    }

    private void wakeUp() {
        ScheduledExecutorService s;
        synchronized (lifecycle) {
            s = scheduler;
        }
        if (s != null && !closed) {
            try {
                s.execute(this::tick);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private SyncStatus snapshot() {
        List<Account> polled = new ArrayList<>();
        Map<Long, AccountHealth> health = new HashMap<>();
        for (AccountPoller p : pollers.values()) {
            polled.add(p.account());
            health.put(p.account().id(), p.health());
        }
        return new SyncStatus(OfflineRule.isOffline(polled, health), health, limits.inFlight());
    }

    private void publishStatus() {
        SyncStatus status;
        synchronized (listeners) {
            status = snapshot();
            if (status.equals(lastPublished)) {
                return;
            }
            lastPublished = status;
        }
        for (SyncStatusListener l : listeners) {
            try {
                l.syncStatusChanged(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sync status listener failed", e);
            }
        }
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        };
    }
}
