package dev.reelwatch.app;

import dev.reelwatch.cli.CliContext;
import dev.reelwatch.cli.CliServices;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.ArchivePass;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.TransferLimits;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.sync.ResolvingClientFactory;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.Sleeper;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.sync.TaskWaiter;

import java.time.Clock;
import java.util.Map;

/** Builds the CLI's one-shot sync and archive work over the services the command line opened. */
final class CliSync {

    private CliSync() {
    }

    static SyncPass pass(CliContext context, Map<String, String> env, Clock clock) {
        CliServices services = context.services();
        return new SyncPass(services.accounts(), services.tasks(), services.settings(), clients(services, env, clock),
                clock, SyncSettings.defaults());
    }

    /** The waiter of {@code reelwatch wait}: real time, the app's cadence and backoff. */
    static TaskWaiter waiter(CliServices services, Map<String, String> env, Clock clock) {
        return new TaskWaiter(services.tasks(), services.settings(), clients(services, env, clock), clock,
                Sleeper.system(), SyncSettings.defaults());
    }

    static ArchivePass archivePass(CliContext context, Map<String, String> env, Clock clock) {
        return new ArchivePass(archiver(context.services(), env, clock));
    }

    static OutputArchiver archiver(CliServices services, Map<String, String> env, Clock clock) {
        HttpTransport transport = HttpTransport.standard(AppInfo.version(), clock);
        FileDownloader downloader = new FileDownloader(transport.client(), transport.userAgent(), TransferLimits.defaults(),
                DiskSpace.system(), clock);
        return new OutputArchiver(services.tasks(), services.accounts(), services.settings(),
                clients(services, env, clock, transport), downloader,
                new VideoArchive(services.dataDir(), services.settings()),
                ArchiveOptions.defaults());
    }

    private static ResolvingClientFactory clients(CliServices services, Map<String, String> env, Clock clock) {
        return clients(services, env, clock, HttpTransport.standard(AppInfo.version(), clock));
    }

    private static ResolvingClientFactory clients(CliServices services, Map<String, String> env, Clock clock,
                                                  HttpTransport transport) {
        return new ResolvingClientFactory(new ProviderClients(transport),
                new CredentialResolver(services.credentials(), env));
    }
}
