package dev.reelwatch.app;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.provider.ListOutcome;
import dev.reelwatch.provider.ListQuery;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderException;
import dev.reelwatch.ui.accounts.ConnectionTestResult;
import dev.reelwatch.ui.accounts.ConnectionTester;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * "Test connection" over the real provider clients: lists the account's tasks, a few pages at most, and reports
 * how many it can see or the provider error class the client classified.
 */
public final class ProviderConnectionTester implements ConnectionTester {
    /** Enough to count a typical account fully while keeping the test to a handful of requests. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 4;

    private final BiFunction<Account, String, ProviderClient> clients;

    /** @param clients makes a client for an account and key, e.g. {@code ProviderClients::create} */
    public ProviderConnectionTester(BiFunction<Account, String, ProviderClient> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public ConnectionTestResult test(Account draft, String apiKey) {
        int[] seen = {0, 0};
        try {
            ProviderClient client = clients.apply(draft, apiKey);
            ListOutcome outcome = client.listTasks(ListQuery.all().withPageSize(PAGE_SIZE), page -> {
                seen[0] += page.tasks().size();
                if (++seen[1] >= MAX_PAGES) {
                    throw new EnoughPages();
                }
            });
            return ConnectionTestResult.connected(outcome.tasksListed(), false);
        } catch (EnoughPages e) {
            return ConnectionTestResult.connected(seen[0], true);
        } catch (ProviderException e) {
            return ConnectionTestResult.failed(e.kind(), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Client construction refuses unusable settings (e.g. a key over plain http to another host).
            return ConnectionTestResult.failed(ProviderErrorKind.VALIDATION, e.getMessage());
        }
    }

    /** Stops a listing once enough pages were counted; never leaves this class. */
    private static final class EnoughPages extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EnoughPages() {
            super(null, null, false, false);
        }
    }
}
