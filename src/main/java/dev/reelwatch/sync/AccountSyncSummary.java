package dev.reelwatch.sync;

import dev.reelwatch.core.ProviderKind;

import java.util.List;

/**
 * What one sync pass did for one account: tasks seen for the first time, tasks that changed, tasks that did not,
 * tasks found gone from the provider, and the errors met. {@code ok} is true when there were none.
 */
public record AccountSyncSummary(String accountName, ProviderKind provider, int newTasks, int changed, int unchanged,
                                 int gone, List<String> errors, boolean ok) {

    public AccountSyncSummary {
        errors = List.copyOf(errors);
    }
}
