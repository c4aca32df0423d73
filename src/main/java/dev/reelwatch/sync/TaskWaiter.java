package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Refreshes a few named tasks until each has finished, at each provider's pace: its poll hints, the fast interval
 * growing while nothing changes, {@code Retry-After} and backoff when the account has trouble. Every answer is
 * stored through the same upsert a sync uses (same events, same timeline). Transient trouble keeps it waiting;
 * a refused key, an unknown task or an insecure connection end it with a {@link WaitFailure}.
 */
public final class TaskWaiter {
    /** Failures that waiting cannot cure. */
    private static final Set<ProviderErrorKind> FATAL = EnumSet.of(ProviderErrorKind.AUTHENTICATION,
            ProviderErrorKind.INSECURE, ProviderErrorKind.VALIDATION, ProviderErrorKind.NOT_FOUND);
    /** Failures that concern the whole account: every task of it waits for the backoff, not just this one. */
    private static final Set<ProviderErrorKind> ACCOUNT_WIDE = EnumSet.of(ProviderErrorKind.NETWORK,
            ProviderErrorKind.RATE_LIMITED, ProviderErrorKind.PROVIDER_DISABLED);

    /** Told what the wait sees, on the waiting thread. */
    public interface Observer {
        /** A task's first sighting in this wait ({@code first}), or a change seen since. */
        void observed(StoredTask task, boolean first);

        /** Trouble that waiting may cure; the wait goes on. */
        void transientProblem(String message);
    }

    private final TaskStore tasks;
    private final ClientFactory clients;
    private final PlainHttpConsent plainHttp;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SyncSettings settings;

    public TaskWaiter(TaskStore tasks, SettingsStore settingsStore, ClientFactory clients, Clock clock,
                      Sleeper sleeper, SyncSettings settings) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.plainHttp = new PlainHttpConsent(settingsStore);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One account's share of the wait: its client, task cadence and backoff. */
    private final class AccountState {
        final Account account;
        final TaskCadence cadence = new TaskCadence(settings.fastInterval(), settings.maxFastInterval(),
                settings.listInterval());
        final Backoff backoff;
        ProviderClient client;
        Instant retryAt;
        int failuresInRow;

        AccountState(Account account) {
            this.account = account;
            this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), account.id() * 7919L + 31);
        }

        ProviderClient client() throws WaitFailure {
            if (client == null) {
                if (!TransportSecurity.permits(account.baseUrl(), plainHttp.isAllowed(account.name()))) {
                    throw new WaitFailure(TransportSecurity.refusal(account));
                }
                try {
                    client = clients.clientFor(account);
                } catch (RuntimeException e) {
                    throw new WaitFailure(describe(account) + ": cannot connect (" + e.getMessage() + ")");
                }
            }
            return client;
        }
    }

    /** What was last reported of a task, to tell a change from a repeat. */
    private record Seen(String status, String providerStatus, Integer progress, Integer eta) {
        static Seen of(Task t) {
            return new Seen(t.status().wireName(), t.providerStatus(), t.progress(), t.etaSeconds());
        }
    }

    /**
     * Waits for every target to finish, or until {@code timeoutOrNull} has passed on the clock.
     *
     * @throws WaitFailure when waiting cannot help (see the class comment)
     */
    public WaitResult await(List<WaitTarget> targets, Duration timeoutOrNull, Observer observer)
            throws WaitFailure, InterruptedException {
        Instant deadline = timeoutOrNull == null ? null : clock.instant().plus(timeoutOrNull);
        Map<Long, AccountState> accounts = new HashMap<>();
        Map<WaitTarget, StoredTask> latest = new LinkedHashMap<>();
        Map<WaitTarget, Seen> reported = new HashMap<>();
        List<WaitTarget> open = new ArrayList<>();
        for (WaitTarget t : targets) {
            if (latest.containsKey(t)) {
                continue;
            }
            accounts.computeIfAbsent(t.account().id(), id -> new AccountState(t.account()));
            Optional<StoredTask> cached = tasks.find(t.account().id(), t.providerTaskId());
            latest.put(t, cached.orElse(null));
            if (cached.isPresent() && cached.get().task().status().isTerminal()) {
                // A finished task never changes again: the cache's word is final.
                reported.put(t, Seen.of(cached.get().task()));
                observer.observed(cached.get(), true);
            } else {
                open.add(t);
            }
        }
        while (!open.isEmpty()) {
            Instant now = clock.instant();
            if (deadline != null && !now.isBefore(deadline)) {
                return result(latest, true);
            }
            for (WaitTarget t : List.copyOf(open)) {
                AccountState a = accounts.get(t.account().id());
                if (a.retryAt != null && now.isBefore(a.retryAt) || !a.cadence.isDue(t.providerTaskId(), now)) {
                    continue;
                }
                Optional<StoredTask> stored = refresh(a, t, latest.get(t), now, observer);
                if (stored.isEmpty()) {
                    continue;
                }
                StoredTask task = stored.get();
                latest.put(t, task);
                Seen seen = Seen.of(task.task());
                boolean first = !reported.containsKey(t);
                if (first || !seen.equals(reported.get(t))) {
                    reported.put(t, seen);
                    observer.observed(task, first);
                }
                if (task.task().status().isTerminal()) {
                    a.cadence.forget(t.providerTaskId());
                    open.remove(t);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            Instant wake = nextWake(open, accounts, clock.instant());
            if (deadline != null && deadline.isBefore(wake)) {
                wake = deadline;
            }
            sleeper.sleep(Duration.between(clock.instant(), wake));
        }
        return result(latest, false);
    }

    /** Asks the provider for one task and stores the answer; empty when trouble keeps the answer away for now. */
    private Optional<StoredTask> refresh(AccountState a, WaitTarget t, StoredTask previous, Instant now,
                                         Observer observer) throws WaitFailure {
        long accountId = a.account.id();
        boolean cached = previous != null;
        try {
            Task task = a.client().fetchTask(t.providerTaskId());
            tasks.upsert(accountId, List.of(task));
            a.failuresInRow = 0;
            a.retryAt = null;
            if (!task.status().isTerminal()) {
                boolean changed = previous == null || !Seen.of(previous.task()).equals(Seen.of(task));
                a.cadence.refreshed(t.providerTaskId(), now, changed, task.pollAfter());
            }
            return tasks.find(accountId, t.providerTaskId());
        } catch (ProviderException e) {
            if (e.kind() == ProviderErrorKind.NOT_FOUND) {
                if (cached) {
                    tasks.markGoneFromProvider(accountId, List.of(t.providerTaskId()));
                }
                throw new WaitFailure(describe(a.account) + " has no task '" + t.providerTaskId() + "'"
                        + (cached ? " any more (it stays in the history, marked as gone)." : "."));
            }
            if (FATAL.contains(e.kind())) {
                throw new WaitFailure(e.getMessage());
            }
            Duration delay;
            if (ACCOUNT_WIDE.contains(e.kind()) || e.retryAfter().isPresent()) {
                a.failuresInRow++;
                delay = e.retryAfter().filter(d -> !d.isNegative())
                        .map(d -> d.compareTo(settings.disabledRecheckInterval()) > 0
                                ? settings.disabledRecheckInterval() : d)
                        .orElseGet(() -> e.kind() == ProviderErrorKind.PROVIDER_DISABLED
                                ? settings.backoffCap() : a.backoff.delay(a.failuresInRow));
                a.retryAt = now.plus(delay);
            } else {
                // Trouble with this task alone (e.g. an upstream 502): it waits longer, the others go on.
                a.cadence.failed(t.providerTaskId(), now);
                delay = a.cadence.nextDue(List.of(t.providerTaskId()), now).map(d -> Duration.between(now, d))
                        .orElse(settings.fastInterval());
            }
            observer.transientProblem(e.getMessage() + " — still waiting; next try in " + seconds(delay));
            return Optional.empty();
        }
    }

    private static Instant nextWake(List<WaitTarget> open, Map<Long, AccountState> accounts, Instant now) {
        Instant best = null;
        for (WaitTarget t : open) {
            AccountState a = accounts.get(t.account().id());
            Instant due = a.cadence.nextDue(List.of(t.providerTaskId()), now).orElse(now);
            if (a.retryAt != null && a.retryAt.isAfter(due)) {
                due = a.retryAt;
            }
            if (best == null || due.isBefore(best)) {
                best = due;
            }
        }
        return best == null ? now : best;
    }

    private static WaitResult result(Map<WaitTarget, StoredTask> latest, boolean timedOut) {
        List<StoredTask> out = new ArrayList<>();
        List<WaitTarget> unanswered = new ArrayList<>();
        for (Map.Entry<WaitTarget, StoredTask> e : latest.entrySet()) {
            if (e.getValue() == null) {
                unanswered.add(e.getKey());
            } else {
                out.add(e.getValue());
            }
        }
        return new WaitResult(out, unanswered, timedOut);
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s + " s";
    }

    private static String describe(Account account) {
        return account.provider().displayName() + " account '" + account.name() + "'";
    }
}
