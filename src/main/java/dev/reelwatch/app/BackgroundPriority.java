package dev.reelwatch.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * On Linux, runs the app's background threads (its {@code reelwatch-…} pools: sync, archive, reads), the JDK's
 * HTTP client threads and the JIT's compiler threads at nice 10, so the FX thread and the renderer come first.
 * On two cores a sync's HTTP parsing, upserts and the JIT compiling them took the CPU from the window: the
 * longest frame while 10,000 tasks synced was 74–166 ms, and 0–113 ms with this (see docs/benchmarks.md). Those
 * threads still get every core the window leaves idle. As Android does for its background threads.
 *
 * <p>Java cannot set a thread's nice value (thread priorities are ignored on Linux unless the JVM runs as root),
 * so each {@link #sweep} lists this process's threads under {@code /proc/self/task} and hands those that match
 * and run below nice 10 to {@code renice}. A thread is never raised, so a user's own {@code nice} stands.
 */
final class BackgroundPriority {
    static final int NICE = 10;
    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    /** Thread names as the kernel keeps them (the first 15 bytes). */
    private static final List<String> BACKGROUND_PREFIXES = List.of("reelwatch-", "HttpClient-", "C1 CompilerThre",
            "C2 CompilerThre");
    private static final long RENICE_TIMEOUT_SECONDS = 10;
    /** The pools start their threads as work comes: a sweep a second at first, then every ten seconds. */
    private static final long EARLY_MILLIS = 1_000;
    private static final long LATER_MILLIS = 10_000;
    private static final int EARLY_SWEEPS = 60;

    /** Sets the nice value of threads by their kernel ids. */
    interface Renicer {
        void renice(int nice, List<Long> threadIds) throws IOException;
    }

    private final Path tasks;
    private final Renicer renicer;
    private volatile boolean stopped;
    private int sweeps;

    /**
     * @param tasks the process's thread directory ({@code /proc/self/task}; tests hand in one of their own)
     */
    BackgroundPriority(Path tasks, Renicer renicer) {
        this.tasks = tasks;
        this.renicer = renicer;
    }

    /** For this process, where it can be done: Linux with {@code /proc} and a {@code renice} on the path. */
    static Optional<BackgroundPriority> forThisProcess(String osName, String path) {
        Path tasks = Path.of("/proc/self/task");
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux") || !Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        Optional<Path> renice = onPath("renice", path);
        if (renice.isEmpty()) {
            LOG.fine("no renice on the PATH: background threads keep the window's priority");
        }
        return renice.map(command -> new BackgroundPriority(tasks, commandRenicer(command)));
    }

    /** Sweeps on {@code background} from a second from now until {@link #stop()}. */
    void start(Executor background) {
        schedule(background, EARLY_MILLIS);
    }

    void stop() {
        stopped = true;
    }

    private void schedule(Executor background, long delayMillis) {
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, background).execute(() -> {
            if (stopped) {
                return;
            }
            sweep();
            sweeps++;
            schedule(background, sweeps < EARLY_SWEEPS ? EARLY_MILLIS : LATER_MILLIS);
        });
    }

    /**
     * Lowers the background threads started since the last sweep; returns how many. Never fails: a thread that
     * ended meanwhile or an unreadable entry is skipped, and a failing {@code renice} is logged.
     */
    int sweep() {
        List<Long> lower = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) entries::iterator) {
                threadToLower(task).ifPresent(lower::add);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot list " + tasks, e);
            return 0;
        }
        if (lower.isEmpty()) {
            return 0;
        }
        try {
            renicer.renice(NICE, lower);
        } catch (IOException e) {
            LOG.log(Level.FINE, "renice failed", e);
            return 0;
        }
        return lower.size();
    }

    /** The thread's id when it is a background thread running below {@link #NICE}. */
    private static Optional<Long> threadToLower(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
            if (BACKGROUND_PREFIXES.stream().noneMatch(name::startsWith)) {
                return Optional.empty();
            }
            int nice = niceOf(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8));
            return nice < NICE ? Optional.of(Long.parseLong(task.getFileName().toString())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // The thread ended between the listing and the read, or the entry is not a thread.
            return Optional.empty();
        }
    }

    /**
     * The nice value in a {@code /proc/…/stat} line: the 19th field, counted after the name in parentheses
     * (which may itself hold spaces and parentheses).
     */
    static int niceOf(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }

    private static Optional<Path> onPath(String command, String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code renice -n NICE -p TID…}. util-linux takes {@code -n} as the value and POSIX as an increment; only
     * threads at a lower value are handed over, and from nice 0 both give {@code NICE}.
     */
    private static Renicer commandRenicer(Path command) {
        return (nice, ids) -> {
            List<String> args = new ArrayList<>(List.of(command.toString(), "-n", String.valueOf(nice), "-p"));
            ids.forEach(id -> args.add(String.valueOf(id)));
            Process p = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!p.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("renice did not finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
            // A thread that ended before renice reached it makes it exit non-zero; the others were set.
        };
    }
}
