package dev.reelwatch.sync;

import dev.reelwatch.core.Account;

/** One task {@code wait} watches: the account it belongs to and the provider's id of it. */
public record WaitTarget(Account account, String providerTaskId) {
}
