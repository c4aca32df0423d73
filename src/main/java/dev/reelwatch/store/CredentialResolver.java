package dev.reelwatch.store;

import dev.reelwatch.core.Account;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finds an account's API key where its {@link dev.reelwatch.core.CredentialRef} says it lives. */
public final class CredentialResolver {
    private final CredentialStore store;
    private final Map<String, String> environment;

    public CredentialResolver(CredentialStore store, Map<String, String> environment) {
        this.store = Objects.requireNonNull(store, "store");
        this.environment = Map.copyOf(environment);
    }

    /** The key, or empty when the account needs none or its key is missing (blank counts as missing). */
    public Optional<String> apiKeyFor(Account account) {
        String name = account.credential().name();
        Optional<String> key = switch (account.credential().source()) {
            case NONE -> Optional.empty();
            case CREDENTIALS_FILE -> store.get(name);
            case ENVIRONMENT -> Optional.ofNullable(environment.get(name));
        };
        return key.map(String::strip).filter(k -> !k.isEmpty());
    }
}
