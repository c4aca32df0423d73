package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.PageConsumer;
import dev.reelwatch.provider.TaskPage;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.StoreException;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.UpsertResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps one account's cached tasks true. Each {@link #poll} is one pass: it lists the account when discovery
 * is due (a full listing the first time, then incremental ones), refreshes the non-terminal tasks whose turn
 * has come, records health, and decides when the next pass is due. Errors are the account's own: they move its
 * next pass back (backoff, Retry-After, the rare re-check of a disabled provider) and never reach other accounts.
 * Passes of one poller must not overlap; {@link PollingSyncService} and {@link SyncPass} see to that.
 */
final class AccountPoller {
    private static final Logger LOG = Logger.getLogger(AccountPoller.class.getName());

    /** Failures that concern the whole account, so the pass stops at once instead of repeating them per task. */
    private static final Set<ProviderErrorKind> ACCOUNT_WIDE = EnumSet.of(ProviderErrorKind.NETWORK,
            ProviderErrorKind.RATE_LIMITED, ProviderErrorKind.PROVIDER_DISABLED, ProviderErrorKind.AUTHENTICATION,
            ProviderErrorKind.INSECURE);

    /** Providers whose list filters by creation time on the server, so discovery can skip old history. */
    private static final Set<ProviderKind> LISTS_CREATED_AFTER = EnumSet.of(ProviderKind.MESHAPI, ProviderKind.HEDRA);

    /** Ends a pass early because the poller was stopped. */
    private static final class PassCancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PassCancelled() {
            super(null, null, false, false);
        }
    }

    /** A failure that ended the pass for the whole account. */
    private record AccountFailure(ProviderErrorKind kind, String message, Duration retryAfter) {
    }

    private final Account account;
    private final ClientFactory clients;
    private final TaskStore tasks;
    private final AccountStore accounts;
    private final SyncBookmarks bookmarks;
    private final ProviderRequestLimits limits;
    private final Clock clock;
    private SyncSettings settings;
    private final AtomicReference<SyncSettings> retuned = new AtomicReference<>();
    private final Backoff backoff;
    private final TaskCadence cadence;
    private final Consumer<AccountHealth> healthListener;
    private final PlainHttpConsent plainHttp;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean manualRequested = new AtomicBoolean();
    private final Set<String> requestedTasks = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile Instant nextDue = Instant.MIN;
    private volatile AccountHealth health;

    // Only touched by the pass in progress.
    private ProviderClient client;
    private boolean listedThisSession;
    private Instant nextListAt = Instant.MIN;
    private Instant lastListAt;
    private Instant retryAt;
    private volatile Instant rateLimitedUntil;
    private int failuresInRow;
    private Map<TaskStatus, Integer> counts;
    private int unreadableItems;

    AccountPoller(Account account, ClientFactory clients, TaskStore tasks, AccountStore accounts,
                  SyncBookmarks bookmarks, PlainHttpConsent plainHttp, ProviderRequestLimits limits, Clock clock,
                  SyncSettings settings,
                  Consumer<AccountHealth> healthListener) {
        this.account = account;
        this.clients = clients;
        this.tasks = tasks;
        this.accounts = accounts;
        this.bookmarks = bookmarks;
        this.plainHttp = plainHttp;
        this.limits = limits;
        this.clock = clock;
        this.settings = settings;
        this.healthListener = healthListener;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), account.id() * 7919L + 17);
        this.cadence = new TaskCadence(settings.fastInterval(), settings.maxFastInterval(),
                settings.listInterval());
        AccountHealth saved = accounts.health(account.id()).orElse(AccountHealth.unknown(account.id()));
        this.health = new AccountHealth(account.id(), saved.lastSuccess(), saved.lastAttempt(), saved.lastErrorKind(),
                saved.lastErrorMessage(), null, false, saved.counts(), saved.unreadableItems());
        this.unreadableItems = saved.unreadableItems();
    }

    Account account() {
        return account;
    }

    AccountHealth health() {
        return health;
    }

    /** Asks for a pass that lists and refreshes every active task at once, whatever the cadence or backoff. */
    void requestManualPass() {
        manualRequested.set(true);
    }

    /** Asks for one task to be refreshed in the next pass, even while the account backs off. */
    void requestTask(String providerTaskId) {
        requestedTasks.add(providerTaskId);
    }

    /**
     * The user chose new cadences: taken up at the start of the next pass, which comes at once, so a shorter
     * interval is honoured now rather than after the old, longer one ran out. Any thread.
     */
    void retune(SyncSettings newSettings) {
        retuned.set(newSettings);
        nextDue = Instant.MIN;
    }

    /** Applies a pending {@link #retune}; only from the pass in progress. */
    private void applyRetune(Instant now) {
        SyncSettings s = retuned.getAndSet(null);
        if (s == null) {
            return;
        }
        settings = s;
        cadence.retune(s.fastInterval(), s.maxFastInterval(), s.listInterval(), now);
        if (lastListAt != null) {
            nextListAt = lastListAt.plus(s.listInterval());
        }
    }

    /** The settings the next pass works with (the newest chosen, even before a pass took them up). */
    SyncSettings settings() {
        SyncSettings pending = retuned.get();
        return pending != null ? pending : settings;
    }

    /** Whether a pass has anything to do at {@code now}. */
    boolean isDue(Instant now) {
        Instant limited = rateLimitedUntil;
        if (stopped || limited != null && now.isBefore(limited)) {
            return false;
        }
        return manualRequested.get() || !requestedTasks.isEmpty() || !now.isBefore(nextDue);
    }

    /** Claims the poller for one pass; false when a pass is already running. */
    boolean tryClaim() {
        return busy.compareAndSet(false, true);
    }

    void release() {
        busy.set(false);
    }

    /** Ends the pass in progress at its next page or request; the poller does nothing afterwards. */
    void stop() {
        stopped = true;
    }

    /**
     * Runs one pass on the calling thread. {@code manual} lists and refreshes every active task now, ignoring
     * cadence and backoff (the user asked, or the CLI's one-shot pass).
     */
    PassTally poll(boolean manual) {
        if (stopped) {
            return PassTally.idle();
        }
        Instant now = clock.instant();
        if (rateLimitedUntil != null && now.isBefore(rateLimitedUntil)) {
            // Even a manual refresh waits for the provider's Retry-After; it stays pending until then.
            return PassTally.idle();
        }
        applyRetune(now);
        boolean full = manualRequested.getAndSet(false) || manual;
        Set<String> asked = drainRequestedTasks();
        boolean backingOff = !full && retryAt != null && now.isBefore(retryAt);
        // The first pass after a backoff retries every active task, whatever their own cadence says.
        boolean retrying = !backingOff && retryAt != null;
        boolean list = full || (!backingOff && (!listedThisSession || !now.isBefore(nextListAt)));
        boolean refreshDue = !asked.isEmpty() || (!backingOff && tasks.activeTasks(account.id()).stream()
                .anyMatch(t -> full || retrying || cadence.isDue(t.task().providerTaskId(), now)));
        if (!list && !refreshDue) {
            scheduleNext(now);
            return PassTally.idle();
        }

        PassTally tally = new PassTally();
        publish(withSyncing(true));
        AccountFailure failure = null;
        try {
            refuseInsecureTransport();
            ProviderClient c = client();
            Set<String> listedLive = list ? list(c, tally, now) : Set.of();
            List<String> refresh = new ArrayList<>(asked);
            if (!backingOff) {
                // Chosen after the listing: it may have found new running tasks, or already told their state.
                for (StoredTask t : tasks.activeTasks(account.id())) {
                    String id = t.task().providerTaskId();
                    boolean due = full || retrying ? !listedLive.contains(id) : cadence.isDue(id, now);
                    if (due && !asked.contains(id)) {
                        refresh.add(id);
                    }
                }
            }
            refresh(c, refresh, tally, now);
        } catch (PassCancelled | InterruptedException e) {
            tally.cancelled();
        } catch (ProviderException e) {
            if (stopped || Thread.currentThread().isInterrupted()) {
                tally.cancelled();
            } else {
                failure = new AccountFailure(e.kind(), e.getMessage(), e.retryAfter().orElse(null));
                tally.error(e.kind(), e.getMessage());
            }
        } catch (ClientUnavailable e) {
            failure = new AccountFailure(ProviderErrorKind.AUTHENTICATION, e.getMessage(), null);
            tally.error(failure.kind(), e.getMessage());
        } catch (StoreException e) {
            if (stopped) {
                tally.cancelled();
            } else {
                // The cache's own words (disk full, read-only, damaged) say it all; the trace stays at FINE.
                LOG.log(Level.FINE, "sync of account '" + account.name() + "' could not be stored", e);
                LOG.warning(() -> describe() + ": " + e.getMessage());
                String message = describe() + ": " + e.getMessage();
                failure = new AccountFailure(ProviderErrorKind.BAD_RESPONSE, message, null);
                tally.error(failure.kind(), message);
            }
        } catch (RuntimeException e) {
            if (stopped) {
                tally.cancelled();
            } else {
                LOG.log(Level.WARNING, "sync of account '" + account.name() + "' failed unexpectedly", e);
                String message = describe() + ": unexpected problem while syncing (" + e + ")";
                failure = new AccountFailure(ProviderErrorKind.BAD_RESPONSE, message, null);
                tally.error(failure.kind(), message);
            }
        }
        if (tally.isCancelled()) {
            publish(withSyncing(false));
            return tally;
        }
        finish(tally, failure);
        return tally;
    }

    private Set<String> drainRequestedTasks() {
        Set<String> asked = new LinkedHashSet<>();
        for (String id : Set.copyOf(requestedTasks)) {
            requestedTasks.remove(id);
            asked.add(id);
        }
        return asked;
    }

    /** Plain HTTP to another machine carries the key in the clear: only with the user's consent. */
    private void refuseInsecureTransport() throws ProviderException {
        if (!TransportSecurity.permits(account.baseUrl(), plainHttp.isAllowed(account.name()))) {
            throw new ProviderException(ProviderErrorKind.INSECURE, account.provider(), account.name(), 0, null,
                    List.of(), TransportSecurity.refusal(account), null);
        }
    }

    /** Thrown when the composition root cannot build a client (usually: the key is missing). */
    private static final class ClientUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ProviderClient client() {
        if (client == null) {
            try {
                client = clients.clientFor(account);
            } catch (RuntimeException e) {
                throw new ClientUnavailable(describe() + ": cannot connect (" + e.getMessage() + ")", e);
            }
        }
        return client;
    }

    /** Lists the account and stores every page; returns the ids whose live state the listing already told. */
    private Set<String> list(ProviderClient c, PassTally tally, Instant now)
            throws ProviderException, InterruptedException {
        long id = account.id();
        ListQuery query = discoveryQuery();
        Set<String> cachedBefore = query.isUnfiltered() ? new HashSet<>(tasks.providerTaskIds(id)) : Set.of();
        Set<String> listed = new HashSet<>();
        boolean live = c.listReportsLiveStatus();
        tally.worked();
        Instant listingEnds = clock.instant().plus(settings.maxListingTime());
        ListOutcome outcome = limits.call(account.provider(), () -> c.listTasks(query, new PageConsumer() {
            @Override
            public void accept(TaskPage page) {
                storePage(page, id, tally, listed, live, now);
            }

            @Override
            public Optional<String> stopBefore(int pagesRead) {
                return listingBudget(pagesRead, listingEnds);
            }
        }));
        tally.answered();
        tally.unreadable(outcome.unreadable());
        outcome.stoppedBecause().ifPresent(why -> tally.error(ProviderErrorKind.BAD_RESPONSE,
                why.startsWith(describe()) ? why : describe() + ": " + why));
        if (!outcome.unreadable().isEmpty()) {
            LOG.info(() -> describe() + ": skipped unreadable list items: " + outcome.unreadable());
        }
        if (query.isUnfiltered() && outcome.mayMarkGone()) {
            cachedBefore.removeAll(listed);
            // An item that could not be read is still on the provider: never mark it gone.
            cachedBefore.removeAll(outcome.unreadableIds());
            if (!cachedBefore.isEmpty()) {
                // The provider forgot these (e.g. a MoneyPrinterTurbo restart): keep them, marked gone.
                tally.gone(tasks.markGoneFromProvider(id, cachedBefore));
                cachedBefore.forEach(cadence::forget);
            }
        }
        if (query.isUnfiltered() && outcome.stoppedBecause().isEmpty()) {
            bookmarks.fullSyncCompleted(id, now);
        }
        unreadableItems = outcome.unreadable().size();
        tasks.newestCreatedAt(id).ifPresent(t -> bookmarks.listedThrough(id, t));
        listedThisSession = true;
        lastListAt = now;
        nextListAt = now.plus(settings.listInterval());
        return live ? listed : Set.of();
    }

    /** Why the listing must stop before another page: the pass's page or time budget is spent. */
    private Optional<String> listingBudget(int pagesRead, Instant listingEnds) {
        checkStopped();
        if (pagesRead >= settings.maxPagesPerPass()) {
            return Optional.of(describe() + ": the listing stopped after " + pagesRead + " pages, the most one pass"
                    + " reads; what was read is kept, and the rest is read in a later pass.");
        }
        if (!clock.instant().isBefore(listingEnds)) {
            return Optional.of(describe() + ": the listing stopped after " + pagesRead + " pages because it took"
                    + " longer than " + settings.maxListingTime().toMinutes() + " min, the most one pass spends;"
                    + " what was read is kept.");
        }
        return Optional.empty();
    }

    private void storePage(TaskPage page, long id, PassTally tally, Set<String> listed, boolean live, Instant now) {
        checkStopped();
        if (page.tasks().isEmpty()) {
            return;
        }
        List<String> ids = page.tasks().stream().map(Task::providerTaskId).collect(Collectors.toList());
        UpsertResult result = tasks.upsert(id, page.tasks());
        tally.stored(result, ids);
        listed.addAll(ids);
        if (live) {
            // The list told us the current state, so these tasks need no separate refresh right now.
            for (Task t : page.tasks()) {
                if (t.status().isTerminal()) {
                    cadence.forget(t.providerTaskId());
                } else {
                    cadence.postpone(t.providerTaskId(), now);
                }
            }
        }
        if (!page.problems().isEmpty()) {
            LOG.fine(() -> describe() + ": list problems: " + page.problems());
        }
    }

    /**
     * Unfiltered until a full listing has completed once; afterwards only what was created since the last
     * completed listing (minus a margin for clock skew), where the provider can filter by creation time.
     */
    private ListQuery discoveryQuery() {
        ListQuery all = ListQuery.all().withPageSize(settings.pageSize());
        long id = account.id();
        if (!LISTS_CREATED_AFTER.contains(account.provider()) || bookmarks.fullSyncCompletedAt(id).isEmpty()) {
            return all;
        }
        Optional<Instant> through = bookmarks.listedThrough(id).or(() -> tasks.newestCreatedAt(id));
        return through.map(t -> all.createdSince(t.minus(settings.discoveryMargin()))).orElse(all);
    }

    private void refresh(ProviderClient c, List<String> providerTaskIds, PassTally tally, Instant now)
            throws ProviderException, InterruptedException {
        long id = account.id();
        for (String providerTaskId : providerTaskIds) {
            checkStopped();
            tally.worked();
            try {
                Task task = limits.call(account.provider(), () -> c.fetchTask(providerTaskId));
                UpsertResult result = tasks.upsert(id, List.of(task));
                tally.stored(result, List.of(providerTaskId));
                tally.answered();
                if (task.status().isTerminal()) {
                    cadence.forget(providerTaskId);
                } else {
                    boolean changed = !result.changed().isEmpty() || !result.inserted().isEmpty();
                    cadence.refreshed(providerTaskId, now, changed, task.pollAfter());
                }
            } catch (ProviderException e) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    throw new PassCancelled();
                }
                if (e.kind() == ProviderErrorKind.NOT_FOUND) {
                    tally.answered();
                    tally.gone(tasks.markGoneFromProvider(id, List.of(providerTaskId)));
                    cadence.forget(providerTaskId);
                } else if (ACCOUNT_WIDE.contains(e.kind())) {
                    throw e;
                } else {
                    // Trouble with this task alone (e.g. a 502 from MeshAPI's upstream): it waits longer,
                    // the others go on.
                    cadence.failed(providerTaskId, now);
                    tally.error(e.kind(), e.getMessage());
                }
            }
        }
    }

    private void checkStopped() {
        if (stopped || Thread.currentThread().isInterrupted()) {
            throw new PassCancelled();
        }
    }

    private void finish(PassTally tally, AccountFailure failure) {
        Instant end = clock.instant();
        AccountHealth before = health;
        Instant lastSuccess = before.lastSuccess();
        ProviderErrorKind errorKind = before.lastErrorKind();
        String errorMessage = before.lastErrorMessage();
        rateLimitedUntil = null;
        if (failure == null && tally.errors().isEmpty()) {
            failuresInRow = 0;
            retryAt = null;
            lastSuccess = end;
            errorKind = null;
            errorMessage = null;
        } else if (failure != null || tally.answeredCount() == 0) {
            failuresInRow++;
            errorKind = failure != null ? failure.kind() : tally.lastErrorKind();
            errorMessage = failure != null ? failure.message() : last(tally.errors());
            retryAt = end.plus(delayAfter(errorKind, failure == null ? null : failure.retryAfter()));
            rateLimitedUntil = errorKind == ProviderErrorKind.RATE_LIMITED ? retryAt : null;
        } else {
            // Some tasks answered, some did not: the account is reachable, the failing tasks wait on their own.
            failuresInRow = 0;
            retryAt = null;
            lastSuccess = end;
            errorKind = tally.lastErrorKind();
            errorMessage = last(tally.errors());
        }
        if (counts == null || tally.changedAnything()) {
            counts = tasks.countsByStatus(account.id());
        }
        scheduleNext(end);
        AccountHealth now = new AccountHealth(account.id(), lastSuccess, end, errorKind, errorMessage, nextDue,
                false, counts, unreadableItems);
        publish(saveHealth(now, tally));
    }

    /**
     * Saves the health; only "the account was removed meanwhile" is expected and quiet. Any other failure (a
     * locked or full cache) is logged as a warning and becomes the pass's error, so the user sees it.
     */
    private AccountHealth saveHealth(AccountHealth now, PassTally tally) {
        try {
            accounts.saveHealth(now);
            return now;
        } catch (RuntimeException e) {
            if (accounts.byId(account.id()).isEmpty()) {
                LOG.log(Level.FINE, "account " + account.id() + " was removed during its pass; health not saved", e);
                return now;
            }
            LOG.log(Level.WARNING, "cannot save the health of " + describe(), e);
            String message = describe() + ": the result of this sync could not be saved (" + e.getMessage() + ")";
            tally.error(now.lastErrorKind(), message);
            return new AccountHealth(now.accountId(), now.lastSuccess(), now.lastAttempt(), now.lastErrorKind(),
                    message, now.nextPoll(), false, now.counts(), now.unreadableItems());
        }
    }

    private Duration delayAfter(ProviderErrorKind kind, Duration retryAfter) {
        if (kind == ProviderErrorKind.PROVIDER_DISABLED) {
            return settings.disabledRecheckInterval();
        }
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(settings.disabledRecheckInterval()) > 0
                    ? settings.disabledRecheckInterval() : retryAfter;
        }
        return backoff.delay(failuresInRow);
    }

    private void scheduleNext(Instant now) {
        if (retryAt != null) {
            nextDue = retryAt;
            return;
        }
        Instant next = listedThisSession ? nextListAt : now;
        List<StoredTask> active = tasks.activeTasks(account.id());
        Set<String> activeIds = active.stream().map(t -> t.task().providerTaskId()).collect(Collectors.toSet());
        cadence.retainOnly(activeIds);
        Optional<Instant> task = cadence.nextDue(activeIds, now);
        if (task.isPresent() && task.get().isBefore(next)) {
            next = task.get();
        }
        // Look again now and then for active tasks another writer (the CLI, a task refresh) added.
        Instant lookAgain = now.plus(settings.maxFastInterval());
        nextDue = lookAgain.isBefore(next) ? lookAgain : next;
    }

    private AccountHealth withSyncing(boolean syncing) {
        AccountHealth h = health;
        return new AccountHealth(h.accountId(), h.lastSuccess(), h.lastAttempt(), h.lastErrorKind(),
                h.lastErrorMessage(), h.nextPoll(), syncing, h.counts(), h.unreadableItems());
    }

    private void publish(AccountHealth h) {
        health = h;
        healthListener.accept(h);
    }

    private String describe() {
        return account.provider().displayName() + " account '" + account.name() + "'";
    }

    private static String last(List<String> messages) {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }
}
