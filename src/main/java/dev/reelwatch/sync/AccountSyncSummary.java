package dev.reelwatch.sync;

import dev.reelwatch.core.ProviderKind;

import java.util.List;

/**
 * What one sync pass did for one account: tasks seen for the first time, tasks that changed, tasks that did not,
 * tasks found gone from the provider, the errors met, and the listed items that could not be read (skipped, so
 * never stored: {@code unreadable} says which and why). {@code ok} is true when there were no errors.
 */
public record AccountSyncSummary(String accountName, ProviderKind provider, int newTasks, int changed, int unchanged,
                                 int gone, List<String> errors, boolean ok, List<String> unreadable) {

    public AccountSyncSummary {
        errors = List.copyOf(errors);
        unreadable = List.copyOf(unreadable);
    }

    /** A summary without unreadable items. */
    public AccountSyncSummary(String accountName, ProviderKind provider, int newTasks, int changed, int unchanged,
                              int gone, List<String> errors, boolean ok) {
        this(accountName, provider, newTasks, changed, unchanged, gone, errors, ok, List.of());
    }

    /** "1 task could not be read: …" / "2 tasks could not be read: …", or empty when every item was read. */
    public java.util.Optional<String> unreadableNote() {
        return unreadableNote(unreadable);
    }

    /** The note for these skipped items, naming the first few. */
    public static java.util.Optional<String> unreadableNote(List<String> items) {
        if (items.isEmpty()) {
            return java.util.Optional.empty();
        }
        int n = items.size();
        String shown = String.join("; ", items.subList(0, Math.min(3, n))) + (n > 3 ? "; …" : "");
        return java.util.Optional.of(n + (n == 1 ? " task" : " tasks") + " could not be read: " + shown);
    }
}
