package dev.reelwatch.ui.accounts;

import dev.reelwatch.core.Account;

/**
 * Tries an account that may not be saved yet against its provider. Implemented in the composition root over the
 * provider clients; called on a background thread, may take a few seconds.
 */
@FunctionalInterface
public interface ConnectionTester {

    /** @param apiKey the key to try; null when the provider needs none */
    ConnectionTestResult test(Account draft, String apiKey);
}
