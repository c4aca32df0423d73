package dev.reelwatch.media;

import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Archives everything waiting, now, and returns when done: the step {@code reelwatch sync} runs after
 * fetching, so a cron job keeps the video archive complete without the window open.
 */
public final class ArchivePass {
    private final OutputArchiver archiver;

    public ArchivePass(OutputArchiver archiver) {
        this.archiver = archiver;
    }

    /** Archives every output of a succeeded task not yet in the video archive (earliest expiry first). */
    public ArchiveReport run() throws InterruptedException {
        if (!archiver.automaticArchiving()) {
            return new ArchiveReport(0, 0, 0, 0, true, List.of());
        }
        // A sync killed mid-download left its outputs DOWNLOADING: this pass resumes them from their .part files.
        archiver.requeueInterruptedDownloads();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(archiver.options().concurrency(), r -> {
            Thread t = new Thread(r, "reelwatch-archive-pass-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Set<Long> attempted = new HashSet<>();
        int archived = 0;
        int failed = 0;
        int expired = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        try {
            while (true) {
                List<StoredOutput> batch = archiver.tasks().outputsAwaitingArchive(0).stream()
                        .filter(o -> attempted.add(o.id())).toList();
                if (batch.isEmpty()) {
                    break;
                }
                List<Future<StoredOutput>> results = new ArrayList<>();
                for (StoredOutput o : batch) {
                    results.add(pool.submit(() -> archiver.archive(o.id(), o.taskId(), false)));
                }
                for (int i = 0; i < results.size(); i++) {
                    StoredOutput done;
                    try {
                        done = results.get(i).get();
                    } catch (ExecutionException e) {
                        failed++;
                        problems.add(describe(batch.get(i)) + ": " + e.getCause());
                        continue;
                    }
                    switch (done.archiveState()) {
                        case ARCHIVED -> archived++;
                        case LINK_EXPIRED -> {
                            expired++;
                            problems.add(describe(done) + ": " + done.archiveError());
                        }
                        case FAILED -> {
                            failed++;
                            problems.add(describe(done) + ": " + done.archiveError());
                        }
                        case SKIPPED -> skipped++;
                        default -> { }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArchiveReport(archived, failed, expired, skipped, false, problems);
    }

    private String describe(StoredOutput o) {
        return archiver.tasks().byId(o.taskId()).map(ArchivePass::describe).orElse("task " + o.taskId())
                + (o.output().index() > 0 ? " output " + o.output().index() : "");
    }

    private static String describe(StoredTask t) {
        return t.accountName() + " (" + t.provider().cliName() + ") task " + t.task().providerTaskId();
    }
}
