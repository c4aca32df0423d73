package dev.reelwatch.provider;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;

import java.util.Map;

/** Talks to one account of one provider: lists and fetches its tasks, mapped to the unified model. */
public interface ProviderClient {

    Account account();

    /** Reads every page the query selects through the provider's own pagination, handing each to {@code pages}. */
    ListOutcome listTasks(ListQuery query, PageConsumer pages) throws ProviderException;

    /** Fetches one task; for MeshAPI this is also the call that moves a running task forward. */
    Task fetchTask(String providerTaskId) throws ProviderException;

    /**
     * Whether the list endpoint reports live statuses. MeshAPI's list is DB-only, so its non-terminal
     * tasks must be refreshed one by one with {@link #fetchTask}.
     */
    boolean listReportsLiveStatus();

    /** Whether the provider lets us delete a task (and its files) on the server. */
    default boolean supportsDelete() {
        return false;
    }

    /** Deletes a task on the server; only where {@link #supportsDelete()} says so. */
    default void deleteTask(String providerTaskId) throws ProviderException {
        throw new UnsupportedOperationException(account().provider().displayName() + " cannot delete tasks");
    }

    /**
     * Headers to send when downloading an output: the account's key for outputs that need it, and only when
     * the output lives on the account's own host. Empty for public or signed URLs.
     */
    default Map<String, String> downloadHeaders(TaskOutput output) {
        return Map.of();
    }
}
