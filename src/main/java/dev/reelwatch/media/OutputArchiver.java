package dev.reelwatch.media;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.provider.ProviderClient;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.sync.ClientFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Archives one output of a task into the {@link VideoArchive} and records every step in the store:
 * DOWNLOADING with its percentage, then ARCHIVED, FAILED (with why), LINK_EXPIRED or SKIPPED. Retries cut
 * downloads with growing delays, resuming where they stopped. Two callers asking for the same output share one
 * download. Keeps the HTTPS rule: nothing is fetched over plain HTTP from another machine unless the user allowed
 * plain HTTP for the task's account.
 */
public final class OutputArchiver {
    private static final System.Logger LOG = System.getLogger(OutputArchiver.class.getName());

    private final TaskStore tasks;
    private final AccountStore accounts;
    private final SettingsStore settings;
    private final PlainHttpConsent plainHttp;
    private final ClientFactory clients;
    private final FileDownloader downloader;
    private final VideoArchive videoArchive;
    private final ArchiveOptions options;
    private final Map<Long, Object> outputLocks = new ConcurrentHashMap<>();

    public OutputArchiver(TaskStore tasks, AccountStore accounts, SettingsStore settings, ClientFactory clients,
                          FileDownloader downloader, VideoArchive videoArchive, ArchiveOptions options) {
        this.tasks = tasks;
        this.accounts = accounts;
        this.settings = settings;
        this.plainHttp = new PlainHttpConsent(settings);
        this.clients = clients;
        this.downloader = downloader;
        this.videoArchive = videoArchive;
        this.options = options;
    }

    public TaskStore tasks() {
        return tasks;
    }

    public ArchiveOptions options() {
        return options;
    }

    public VideoArchive videoArchive() {
        return videoArchive;
    }

    /** Whether automatic archiving is on (explicit requests work either way). */
    public boolean automaticArchiving() {
        return ArchiveSettings.read(settings).enabled();
    }

    /**
     * Archives the output unless it is already in the video archive, and returns it as now stored.
     *
     * @param explicit the user asked for this file (export, drag): archive even when automatic archiving is off,
     *                 the video archive is over its cap, or an earlier attempt failed
     */
    public StoredOutput archive(long outputId, long taskId, boolean explicit) throws InterruptedException {
        Object lock = outputLocks.computeIfAbsent(outputId, id -> new Object());
        synchronized (lock) {
            try {
                return archiveLocked(outputId, taskId, explicit);
            } finally {
                outputLocks.remove(outputId, lock);
            }
        }
    }

    private StoredOutput archiveLocked(long outputId, long taskId, boolean explicit) throws InterruptedException {
        Optional<StoredTask> maybeTask = tasks.byId(taskId);
        if (maybeTask.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + " is no longer in the cache");
        }
        StoredTask task = maybeTask.get();
        StoredOutput stored = outputOf(task, outputId);
        if (isInLibrary(stored)) {
            return stored;
        }
        if (!explicit && stored.archiveState() != ArchiveState.NONE && stored.archiveState() != ArchiveState.PENDING) {
            return stored;
        }
        ArchiveSettings archiveSettings = ArchiveSettings.read(settings);
        if (!explicit && !archiveSettings.enabled()) {
            return stored;
        }
        TaskOutput output = stored.output();
        if (output.refusal() != null) {
            // Decided when the task was read (e.g. a server path outside the task's folder): never requested.
            return record(stored, ArchiveState.FAILED, null, null, null, null, output.refusal());
        }
        if (!explicit && archiveSettings.capped()) {
            long used = videoArchive.sizeBytes();
            long coming = output.bytes() == null ? 0 : output.bytes();
            if (used + coming > archiveSettings.maxBytes()) {
                return record(stored, ArchiveState.SKIPPED, null, null, null, null,
                        "The video archive is full (" + ByteSize.format(used) + " of " + ByteSize.format(archiveSettings.maxBytes())
                                + "); raise the cap in Settings or export and remove old videos.");
            }
        }
        Optional<String> insecure = plainHttpRefusal(task, output);
        if (insecure.isPresent()) {
            return record(stored, ArchiveState.FAILED, null, null, null, null, insecure.get());
        }
        Path target = videoArchive.fileFor(task, output);
        DownloadRequest request;
        try {
            request = new DownloadRequest(URI.create(output.url()), headersFor(task, output), output.expiresAt(),
                    output.bytes(), output.sha256(), archiveSettings.maxFileBytes(),
                    output.kind() == OutputKind.IMAGE ? DownloadRequest.Accept.IMAGE : DownloadRequest.Accept.VIDEO);
        } catch (IllegalArgumentException badUrl) {
            return record(stored, ArchiveState.FAILED, null, null, null, null,
                    "The provider's link is not a valid address: " + output.url());
        } catch (DownloadFailure noKey) {
            // Downloading without the key would only end in a misleading "not allowed": say the real cause.
            return record(stored, ArchiveState.FAILED, null, null, null, null, noKey.getMessage());
        }
        record(stored, ArchiveState.DOWNLOADING, null, null, null, 0, null);
        PercentReporter percent = new PercentReporter(stored);
        DownloadFailure last = null;
        // A time past the provider's own stated expiry gets one attempt; an inferred one is only a hint.
        int attempts = output.isExpiredAt(downloader.clock().instant()) ? 1 : options.attempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(options.retryDelay(attempt).toMillis());
            }
            try {
                DownloadedFile file = downloader.download(request, target, percent);
                return record(stored, ArchiveState.ARCHIVED, file.path().toString(), file.bytes(), file.sha256(), 100,
                        null);
            } catch (DownloadFailure f) {
                last = f;
                LOG.log(System.Logger.Level.DEBUG, "archive of output " + outputId + " attempt " + attempt + ": "
                        + f.getMessage());
                if (!f.retryable()) {
                    break;
                }
            } catch (InterruptedException e) {
                // Closing: back to the queue so the next start picks it up (and resumes the .part).
                record(stored, ArchiveState.PENDING, null, null, null, null, null);
                throw e;
            }
        }
        FileDownloader.deleteQuietly(FileDownloader.partFile(target));
        if (last.kind() == DownloadFailure.Kind.LINK_EXPIRED) {
            return record(stored, ArchiveState.LINK_EXPIRED, null, null, null, null, last.getMessage());
        }
        String message = last.retryable()
                ? "Download failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + last.getMessage()
                : last.getMessage();
        return record(stored, ArchiveState.FAILED, null, null, null, null, message);
    }

    /**
     * Puts outputs left DOWNLOADING by a process that was killed or quit back in the queue (their partial file
     * stays and is resumed); outputs this archiver is working on now are left alone. Returns how many.
     */
    public int requeueInterruptedDownloads() {
        int requeued = 0;
        for (StoredTask t : tasks.query(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), null, null, 0, 0, false))) {
            for (StoredOutput o : t.outputs()) {
                if (o.archiveState() == ArchiveState.DOWNLOADING && !outputLocks.containsKey(o.id())) {
                    tasks.updateArchive(o.id(), ArchiveState.PENDING, null, null, null, null, null);
                    requeued++;
                }
            }
        }
        return requeued;
    }

    /** Why the HTTPS rule forbids this download, if it does: checked before a single byte is requested. */
    private Optional<String> plainHttpRefusal(StoredTask task, TaskOutput output) {
        Optional<Account> account = accounts.byId(task.accountId());
        boolean allowed = account.map(a -> plainHttp.isAllowed(a.name())).orElse(false);
        if (account.isPresent() && TransportSecurity.needsPlainHttpConsent(account.get().baseUrl()) && !allowed) {
            return Optional.of(TransportSecurity.refusal(account.get()));
        }
        URI url;
        try {
            url = URI.create(output.url());
        } catch (IllegalArgumentException badUrl) {
            return Optional.empty(); // reported as an invalid link below
        }
        if (TransportSecurity.needsPlainHttpConsent(url) && !allowed) {
            return Optional.of("The video's link " + url.getScheme() + "://" + url.getHost() + "/… uses plain HTTP to"
                    + " another machine, so it would travel unencrypted; Reelwatch refuses to download it. Allow plain"
                    + " HTTP for the account in Accounts if this is your own server on a trusted network.");
        }
        return Optional.empty();
    }

    private static boolean isInLibrary(StoredOutput o) {
        return o.archiveState() == ArchiveState.ARCHIVED && o.localPath() != null && Files.isRegularFile(Path.of(o.localPath()));
    }

    private static StoredOutput outputOf(StoredTask task, long outputId) {
        return task.outputs().stream().filter(o -> o.id() == outputId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("output " + outputId + " is not part of task " + task.id()));
    }

    /**
     * The account's download headers (its key only for its own host). When the output needs the key and the
     * client cannot be built (key missing, credentials file unreadable), that is the failure, with its cause.
     */
    private Map<String, String> headersFor(StoredTask task, TaskOutput output) throws DownloadFailure {
        if (!output.requiresAuth()) {
            return Map.of();
        }
        try {
            Optional<Account> account = accounts.byId(task.accountId());
            if (account.isEmpty()) {
                return Map.of();
            }
            ProviderClient client = clients.clientFor(account.get());
            return client.downloadHeaders(output);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no download headers for task " + task.id(), e);
            throw new DownloadFailure(DownloadFailure.Kind.REFUSED, "This file needs the account's API key, which"
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private StoredOutput record(StoredOutput o, ArchiveState state, String path, Long bytes, String sha256,
                                Integer percent, String error) {
        tasks.updateArchive(o.id(), state, path, bytes, sha256, percent, error);
        return new StoredOutput(o.id(), o.taskId(), o.output(), state, path, bytes, sha256, percent, error);
    }

    /** Writes the percentage to the store only when it moved by a few points, to spare the database. */
    private final class PercentReporter implements FileDownloader.Progress {
        private final StoredOutput output;
        private int lastPercent;

        PercentReporter(StoredOutput output) {
            this.output = output;
        }

        @Override
        public void update(long bytesSoFar, long total) {
            if (total <= 0) {
                return;
            }
            int percent = (int) Math.min(99, bytesSoFar * 100 / total);
            if (percent >= lastPercent + 5) {
                lastPercent = percent;
                tasks.updateArchive(output.id(), ArchiveState.DOWNLOADING, null, null, null, percent, null);
            }
        }
    }
}
