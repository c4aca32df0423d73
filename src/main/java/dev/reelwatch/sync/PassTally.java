package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.store.UpsertResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one pass over one account did: tasks seen, new and changed, tasks gone, requests answered, errors. */
final class PassTally {
    private final Set<String> seen = new HashSet<>();
    private final Set<Long> inserted = new HashSet<>();
    private final Set<Long> changed = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private ProviderErrorKind lastErrorKind;
    private int answered;
    private int gone;
    private boolean worked;
    private boolean cancelled;

    static PassTally idle() {
        return new PassTally();
    }

    void stored(UpsertResult result, List<String> providerTaskIds) {
        seen.addAll(providerTaskIds);
        inserted.addAll(result.inserted());
        changed.addAll(result.changed());
    }

    void answered() {
        answered++;
        worked = true;
    }

    /** Listed items that could not be read and were skipped. */
    void unreadable(List<String> items) {
        unreadable.addAll(items);
    }

    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    void gone(int n) {
        gone += n;
    }

    void error(ProviderErrorKind kind, String message) {
        errors.add(message);
        lastErrorKind = kind;
        worked = true;
    }

    ProviderErrorKind lastErrorKind() {
        return lastErrorKind;
    }

    void cancelled() {
        cancelled = true;
    }

    void worked() {
        worked = true;
    }

    /** Whether the pass made any request at all. */
    boolean didWork() {
        return worked;
    }

    boolean isCancelled() {
        return cancelled;
    }

    int answeredCount() {
        return answered;
    }

    boolean changedAnything() {
        return !inserted.isEmpty() || !changed.isEmpty() || gone > 0;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    int newTasks() {
        return inserted.size();
    }

    int changedTasks() {
        Set<Long> onlyChanged = new HashSet<>(changed);
        onlyChanged.removeAll(inserted);
        return onlyChanged.size();
    }

    int unchangedTasks() {
        return Math.max(0, seen.size() - newTasks() - changedTasks());
    }

    int goneTasks() {
        return gone;
    }

    AccountSyncSummary summary(Account account) {
        return new AccountSyncSummary(account.name(), account.provider(), newTasks(), changedTasks(),
                unchangedTasks(), goneTasks(), errors(), errors.isEmpty() && !cancelled, unreadable());
    }
}
