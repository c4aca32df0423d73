package dev.reelwatch.provider;

import dev.reelwatch.core.Account;
import dev.reelwatch.provider.hedra.HedraClient;
import dev.reelwatch.provider.meshapi.MeshApiClient;
import dev.reelwatch.provider.moneyprinter.MoneyPrinterClient;
import dev.reelwatch.provider.phaseo.PhaseoClient;

import java.util.Objects;

/** Builds the right client for an account's provider over the one shared {@link HttpTransport}. */
public final class ProviderClients {
    private final HttpTransport transport;

    public ProviderClients(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** @param apiKeyOrNull the account's resolved key; null where the provider needs none (local MoneyPrinterTurbo) */
    public ProviderClient create(Account account, String apiKeyOrNull) {
        return switch (account.provider()) {
            case MESHAPI -> new MeshApiClient(account, apiKeyOrNull, transport);
            case PHASEO -> new PhaseoClient(account, apiKeyOrNull, transport);
            case MONEYPRINTERTURBO -> new MoneyPrinterClient(account, apiKeyOrNull, transport);
            case HEDRA -> new HedraClient(account, apiKeyOrNull, transport);
        };
    }

    public HttpTransport transport() {
        return transport;
    }
}
