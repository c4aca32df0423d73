package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.TaskStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sync pass, now, for the CLI: lists and refreshes every enabled account (or one named account, enabled
 * or not) in parallel, stores what it found exactly as the background poller would, and reports per account.
 * One account's failure never stops the others.
 */
public final class SyncPass {
    private final AccountStore accounts;
    private final TaskStore tasks;
    private final ClientFactory clients;
    private final Clock clock;
    private final SyncSettings settings;
    private final SyncBookmarks bookmarks;
    private final PlainHttpConsent plainHttp;

    public SyncPass(AccountStore accounts, TaskStore tasks, SettingsStore settingsStore, ClientFactory clients,
                    Clock clock, SyncSettings settings) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.clients = clients;
        this.clock = clock;
        this.settings = settings;
        this.bookmarks = new SyncBookmarks(settingsStore);
        this.plainHttp = new PlainHttpConsent(settingsStore);
    }

    /** Syncs every enabled account that is not paused; the paused ones are named in the report. */
    public SyncReport run() {
        Set<Long> paused = accounts.pausedIds();
        List<Account> enabled = accounts.all().stream().filter(Account::enabled).toList();
        return run(enabled.stream().filter(a -> !paused.contains(a.id())).toList(),
                enabled.stream().filter(a -> paused.contains(a.id())).map(Account::name).toList());
    }

    /**
     * Syncs the account with this name (case-insensitive), or every enabled account when the name is null.
     *
     * @throws UnknownAccountException when no account has that name
     */
    public SyncReport run(String accountNameOrNull) {
        return run(accountNameOrNull, false);
    }

    /**
     * As {@link #run(String)}; a named account that is paused is left alone (and named in the report's
     * {@code paused}) unless {@code evenIfPaused}.
     */
    public SyncReport run(String accountNameOrNull, boolean evenIfPaused) {
        if (accountNameOrNull == null) {
            return run();
        }
        Account account = accounts.byName(accountNameOrNull)
                .orElseThrow(() -> new UnknownAccountException(accountNameOrNull));
        if (!evenIfPaused && accounts.isPaused(account.id())) {
            return new SyncReport(List.of(), List.of(account.name()));
        }
        return run(List.of(account), List.of());
    }

    private SyncReport run(List<Account> selected, List<String> paused) {
        if (selected.isEmpty()) {
            return new SyncReport(List.of(), paused);
        }
        ProviderRequestLimits limits = new ProviderRequestLimits(settings.perProviderConcurrency());
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(selected.size(), settings.workerThreads()), r -> {
            Thread t = new Thread(r, "reelwatch-sync-pass-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AccountSyncSummary>> futures = new ArrayList<>();
            for (Account account : selected) {
                AccountPoller poller = new AccountPoller(account, clients, tasks, accounts, bookmarks, plainHttp,
                        limits, clock, settings, h -> { });
                futures.add(pool.submit(() -> poller.poll(true).summary(account)));
            }
            List<AccountSyncSummary> summaries = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                summaries.add(await(futures.get(i), selected.get(i)));
            }
            return new SyncReport(summaries, paused);
        } finally {
            pool.shutdownNow();
        }
    }

    private static AccountSyncSummary await(Future<AccountSyncSummary> future, Account account) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(account, "interrupted");
        } catch (ExecutionException e) {
            return failed(account, String.valueOf(e.getCause()));
        }
    }

    private static AccountSyncSummary failed(Account account, String why) {
        return new AccountSyncSummary(account.name(), account.provider(), 0, 0, 0, 0,
                List.of(account.provider().displayName() + " account '" + account.name() + "': " + why), false);
    }
}
