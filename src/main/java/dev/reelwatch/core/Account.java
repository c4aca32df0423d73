package dev.reelwatch.core;

import java.net.URI;
import java.util.Objects;

/**
 * One provider login the user watches. {@code id} is the local database id (0 before it is saved);
 * {@code demo} marks accounts that point at the built-in simulators.
 */
public record Account(long id, ProviderKind provider, String name, URI baseUrl, CredentialRef credential,
                      boolean enabled, boolean demo) {

    public Account {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credential, "credential");
    }

    public Account withId(long newId) {
        return new Account(newId, provider, name, baseUrl, credential, enabled, demo);
    }

    public Account withEnabled(boolean nowEnabled) {
        return new Account(id, provider, name, baseUrl, credential, nowEnabled, demo);
    }
}
