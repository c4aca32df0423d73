package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.provider.ProviderClient;

/**
 * Builds the client for one account, resolving its key on the way. Supplied by the composition root; may
 * throw (e.g. {@link IllegalStateException}) when the account's key cannot be found, which the poller
 * reports as an authentication problem of that account only.
 */
@FunctionalInterface
public interface ClientFactory {
    ProviderClient clientFor(Account account);
}
