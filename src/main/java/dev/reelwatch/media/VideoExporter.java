package dev.reelwatch.media;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Copies tasks' videos out of the video archive to a folder or file of the user's choosing, archiving them first
 * when needed. Never overwrites: a taken name gets " (2)"; a cancelled or failed copy leaves nothing behind.
 */
public final class VideoExporter {
    private final TaskStore tasks;
    private final Fetcher fetcher;

    /** Brings a task's outputs into the video archive (blocking) and returns the task as then stored. */
    @FunctionalInterface
    public interface Fetcher {
        StoredTask archive(long taskId) throws InterruptedException, ExportFailure;
    }

    /** Told as an export goes: which video (0-based) of how many, and bytes copied of the current one. */
    @FunctionalInterface
    public interface Listener {
        void progress(int video, int videos, long bytes, long totalBytes);

        Listener NONE = (video, videos, bytes, total) -> { };
    }

    /** What an export did: files written and one line per video that could not be exported. */
    public record Result(List<Path> written, List<String> problems, boolean cancelled) {
        public Result {
            written = List.copyOf(written);
            problems = List.copyOf(problems);
        }
    }

    public VideoExporter(TaskStore tasks, Fetcher fetcher) {
        this.tasks = tasks;
        this.fetcher = fetcher;
    }

    /** An exporter that fetches through the blocking archiver (CLI). */
    public static VideoExporter over(OutputArchiver archiver) {
        return new VideoExporter(archiver.tasks(), taskId -> {
            StoredTask task = archiver.tasks().byId(taskId)
                    .orElseThrow(() -> new ExportFailure("Task " + taskId + " is not in the cache."));
            for (StoredOutput o : task.outputs()) {
                if (o.archiveState() != ArchiveState.ARCHIVED) {
                    archiver.archive(o.id(), taskId, true);
                }
            }
            return archiver.tasks().byId(taskId).orElse(task);
        });
    }

    /** An exporter that fetches through the running background service (the app), sharing its downloads. */
    public static VideoExporter over(ArchiveService service, TaskStore tasks) {
        return new VideoExporter(tasks, taskId -> {
            try {
                return service.archiveTask(taskId).get();
            } catch (ExecutionException e) {
                throw new ExportFailure("Could not fetch the video: " + e.getCause().getMessage(), e.getCause());
            }
        });
    }

    /** The archived video file of a task, fetching it first when needed. */
    public Path videoFile(long taskId) throws ExportFailure, InterruptedException {
        StoredTask task = tasks.byId(taskId).orElseThrow(() -> new ExportFailure("Task " + taskId + " is not in the cache."));
        Optional<StoredOutput> video = primaryVideo(task);
        if (video.isEmpty()) {
            throw new ExportFailure(describe(task) + " has no video" + (task.task().status().isTerminal()
                    ? "." : " yet (it is " + task.task().status().wireName() + ")."));
        }
        if (!inLibrary(video.get())) {
            task = fetcher.archive(taskId);
            video = primaryVideo(task);
        }
        StoredOutput o = video.orElseThrow();
        if (!inLibrary(o)) {
            String why = o.archiveState() == ArchiveState.LINK_EXPIRED
                    ? "its link expired before it could be archived"
                    : o.archiveError() != null ? o.archiveError() : "it could not be downloaded";
            throw new ExportFailure("The video of " + describe(task) + " cannot be had: " + why);
        }
        return Path.of(o.localPath());
    }

    /**
     * Exports one task's video to {@code dest}: into it when it is a folder (named by {@code naming}), else as
     * that file (which must not exist yet).
     */
    public Path exportOne(long taskId, Path dest, ExportNaming naming, Listener listener, BooleanSupplier cancelled)
            throws ExportFailure, InterruptedException {
        Path source = videoFile(taskId);
        StoredTask task = tasks.byId(taskId).orElseThrow(() -> new ExportFailure("Task " + taskId + " was removed."));
        Path target;
        try {
            if (Files.isDirectory(dest)) {
                target = ExportNaming.reserveFree(dest, naming.fileName(task, primaryVideo(task).orElseThrow().output()));
            } else {
                Path parent = dest.toAbsolutePath().getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    throw new ExportFailure("The folder " + parent + " does not exist.");
                }
                target = Files.createFile(dest);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ExportFailure(dest + " already exists; Reelwatch does not overwrite files. Choose another name or a folder.");
        } catch (IOException e) {
            throw new ExportFailure("Cannot create a file at " + dest + ": " + e.getMessage(), e);
        }
        copy(source, target, (bytes, total) -> listener.progress(0, 1, bytes, total), cancelled);
        return target;
    }

    /** Exports each task's video into {@code folder}, carrying on past videos that cannot be had. */
    public Result exportAll(List<Long> taskIds, Path folder, ExportNaming naming, Listener listener,
                            BooleanSupplier cancelled) throws InterruptedException {
        List<Path> written = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < taskIds.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Result(written, problems, true);
            }
            int index = i;
            try {
                Path source = videoFile(taskIds.get(i));
                StoredTask task = tasks.byId(taskIds.get(i)).orElseThrow(() -> new ExportFailure("The task was removed."));
                TaskOutput output = primaryVideo(task).orElseThrow().output();
                Path target = ExportNaming.reserveFree(folder, naming.fileName(task, output));
                copy(source, target, (bytes, total) -> listener.progress(index, taskIds.size(), bytes, total), cancelled);
                written.add(target);
            } catch (ExportFailure e) {
                if (cancelled.getAsBoolean()) {
                    return new Result(written, problems, true);
                }
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add("Cannot write into " + folder + ": " + e.getMessage());
            }
        }
        listener.progress(taskIds.size(), taskIds.size(), 0, 0);
        return new Result(written, problems, false);
    }

    /** Copies into the reserved {@code target}; removes it again on failure or cancellation. */
    private static void copy(Path source, Path target, CopyProgress progress, BooleanSupplier cancelled)
            throws ExportFailure {
        boolean done = false;
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            long total = Files.size(source);
            byte[] buffer = new byte[256 * 1024];
            long copied = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new ExportFailure("Export cancelled.");
                }
                out.write(buffer, 0, n);
                copied += n;
                progress.update(copied, total);
            }
            done = true;
        } catch (IOException e) {
            throw new ExportFailure("Copying to " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                FileDownloader.deleteQuietly(target);
            }
        }
    }

    @FunctionalInterface
    private interface CopyProgress {
        void update(long bytes, long total);
    }

    /** The output the table, player and export treat as "the" video of a task. */
    public static Optional<StoredOutput> primaryVideo(StoredTask task) {
        return task.task().primaryVideo().flatMap(primary -> task.outputs().stream()
                .filter(o -> o.output().index() == primary.index()).findFirst());
    }

    private static boolean inLibrary(StoredOutput o) {
        return o.archiveState() == ArchiveState.ARCHIVED && o.localPath() != null && Files.isRegularFile(Path.of(o.localPath()));
    }

    private static String describe(StoredTask t) {
        return t.provider().displayName() + " task " + t.task().providerTaskId();
    }
}
