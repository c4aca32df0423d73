package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.CredentialResolver;

import java.util.Objects;
import java.util.Optional;

/**
 * The usual {@link ClientFactory}: finds the account's key with the {@link CredentialResolver} and builds the
 * provider's client. A key the account points to but that cannot be found is reported (without the key) as that
 * account's problem, instead of sending requests that can only fail.
 */
public final class ResolvingClientFactory implements ClientFactory {
    private final ProviderClients clients;
    private final CredentialResolver credentials;

    public ResolvingClientFactory(ProviderClients clients, CredentialResolver credentials) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public ProviderClient clientFor(Account account) {
        Optional<String> key = credentials.apiKeyFor(account);
        CredentialRef ref = account.credential();
        if (key.isEmpty() && ref.source() != CredentialRef.Source.NONE) {
            throw new IllegalStateException(ref.source() == CredentialRef.Source.ENVIRONMENT
                    ? "the environment variable " + ref.name() + " holding its API key is not set"
                    : "its API key is missing from the credentials file");
        }
        return clients.create(account, key.orElse(null));
    }
}
