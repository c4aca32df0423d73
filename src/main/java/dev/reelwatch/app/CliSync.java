package dev.reelwatch.app;

import dev.reelwatch.cli.CliContext;
import dev.reelwatch.cli.CliServices;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.sync.ResolvingClientFactory;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncSettings;

import java.time.Clock;
import java.util.Map;

/** Builds the CLI's one-shot {@link SyncPass} over the services the command line opened. */
final class CliSync {
    private CliSync() {
    }

    static SyncPass pass(CliContext context, Map<String, String> env, Clock clock) {
        CliServices services = context.services();
        ProviderClients clients = new ProviderClients(HttpTransport.standard(AppInfo.version(), clock));
        ResolvingClientFactory factory = new ResolvingClientFactory(clients,
                new CredentialResolver(services.credentials(), env));
        return new SyncPass(services.accounts(), services.tasks(), services.settings(), factory, clock,
                SyncSettings.defaults());
    }
}
