package dev.reelwatch.media;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskChangeListener;
import dev.reelwatch.store.TaskStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the video archive complete in the background while the app runs: whenever the store changes (a task
 * succeeded) or it is poked, it archives the outputs awaiting it, earliest expiry first, a few at a time.
 * Started and closed like the poller; its threads stop within a second of {@link #close()}.
 */
public final class ArchiveService implements TaskChangeListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ArchiveService.class.getName());
    private static final int BATCH = 50;

    private final OutputArchiver archiver;
    private final TaskStore tasks;
    private final Map<Long, CompletableFuture<StoredOutput>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private ScheduledExecutorService dispatcher;
    private ExecutorService workers;
    private volatile boolean running;

    public ArchiveService(OutputArchiver archiver) {
        this.archiver = archiver;
        this.tasks = archiver.tasks();
    }

    /** Starts listening to the store and archiving; a second call does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        dispatcher = Executors.newSingleThreadScheduledExecutor(named("reelwatch-archive-scan"));
        workers = Executors.newFixedThreadPool(archiver.options().concurrency(), named("reelwatch-archive"));
        tasks.addListener(this);
        dispatcher.execute(this::requeueInterruptedDownloads);
        long every = Math.max(1, archiver.options().rescanEvery().toMillis());
        dispatcher.scheduleWithFixedDelay(this::poke, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now (coalesced: many pokes while a scan is queued cost one scan). */
    public void poke() {
        if (!running || !scanQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatcher.execute(this::scan);
        } catch (RejectedExecutionException closing) {
            scanQueued.set(false);
        }
    }

    @Override
    public void tasksChanged(TaskChange change) {
        poke();
    }

    /**
     * Archives every output of the task that is not in the video archive yet, even when automatic archiving is off
     * or failed before (the user asked: export, drag). Completes with the task as then stored.
     */
    public CompletableFuture<StoredTask> archiveTask(long taskId) {
        StoredTask task = tasks.byId(taskId).orElse(null);
        if (task == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no task " + taskId + " in the cache"));
        }
        List<CompletableFuture<StoredOutput>> parts = new ArrayList<>();
        for (StoredOutput o : task.outputs()) {
            if (o.archiveState() != ArchiveState.ARCHIVED) {
                parts.add(submit(o, true));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> tasks.byId(taskId).orElse(task));
    }

    /** Downloads running or queued now. */
    public int activeDownloads() {
        return inFlight.size();
    }

    private void scan() {
        scanQueued.set(false);
        try {
            if (!archiver.automaticArchiving()) {
                return;
            }
            for (StoredOutput o : tasks.outputsAwaitingArchive(BATCH)) {
                submit(o, false);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Looking for videos to archive failed", e);
        }
    }

    private CompletableFuture<StoredOutput> submit(StoredOutput o, boolean explicit) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("the archive is not running"));
        }
        CompletableFuture<StoredOutput> fresh = new CompletableFuture<>();
        CompletableFuture<StoredOutput> existing = inFlight.putIfAbsent(o.id(), fresh);
        if (existing != null) {
            // Share the running download; an explicit request retries if that one gave up (cap, failure).
            return !explicit ? existing : existing.handle((done, error) -> done)
                    .thenCompose(done -> done != null && done.archiveState() == ArchiveState.ARCHIVED
                            ? CompletableFuture.completedFuture(done) : submit(o, true));
        }
        try {
            workers.execute(() -> {
                try {
                    fresh.complete(archiver.archive(o.id(), o.taskId(), explicit));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fresh.completeExceptionally(e);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Archiving output " + o.id() + " failed", e);
                    fresh.completeExceptionally(e);
                } finally {
                    inFlight.remove(o.id(), fresh);
                    poke();
                }
            });
        } catch (RejectedExecutionException closing) {
            inFlight.remove(o.id(), fresh);
            fresh.completeExceptionally(closing);
        }
        return fresh;
    }

    /** Downloads cut by a crash or quit stay DOWNLOADING in the store; put them back in the queue. */
    private void requeueInterruptedDownloads() {
        try {
            // Asks for the few DOWNLOADING outputs only: reading every succeeded task held up the first
            // paint of a large cache.
            for (StoredOutput o : tasks.outputsInState(ArchiveState.DOWNLOADING)) {
                if (!inFlight.containsKey(o.id())) {
                    tasks.updateArchive(o.id(), ArchiveState.PENDING, null, null, null, null, null);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not requeue interrupted downloads", e);
        }
    }

    /** Stops listening and stops the threads (interrupting downloads, which resume next time) within a second. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        tasks.removeListener(this);
        dispatcher.shutdownNow();
        workers.shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900);
            dispatcher.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlight.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the archive was closed")));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, prefix + "-" + n.incrementAndGet());
    }
}
