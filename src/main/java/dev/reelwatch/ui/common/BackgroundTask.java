package dev.reelwatch.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of background work as a ViewModel states it: what runs off the FX thread, what the UI shows while
 * it runs, and what success and failure do on the FX thread. A {@link TaskExecutor} owns the thread hand-off;
 * a task with no {@link #onFailure} handler goes to the executor's {@link ProblemReporter}, so a failed query
 * never leaves a screen on "loading".
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> store.query(q))
 *         .describedAs("Loading tasks")
 *         .onRunning(() -> loading.set(true))
 *         .onSuccess(rows::setAll)
 *         .onFinished(() -> loading.set(false))
 *         .latestOf(queries)   // an older query's result is dropped when a newer one was started
 *         .executeWith(executor);
 * }</pre>
 */
public final class BackgroundTask<T> {
    /** Work that returns nothing and may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Callable<T> work;
    private String description = "Background work";
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;
    private Consumer<Throwable> andOnFailure = failure -> { };
    private Runnable onFinished = () -> { };
    private LatestRequest latest;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Action work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** What the work is, for the default failure message ("Loading usage failed: …"). */
    public BackgroundTask<T> describedAs(String what) {
        this.description = Objects.requireNonNull(what, "what");
        return this;
    }

    /** Runs on the FX thread before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread with the work's result, unless a newer request of the same {@link LatestRequest} began. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread when the work threw; replaces the executor's default route to the problem area. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Runs on the FX thread when the work threw, after the failure went its way ({@link #onFailure} or the
     * executor's problem area): for a screen that must leave its "loading" state but has nothing to add.
     */
    public BackgroundTask<T> andOnFailure(Consumer<Throwable> action) {
        this.andOnFailure = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread after success or failure, even when the result was dropped as stale. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action, "action");
        return this;
    }

    /** "Latest request wins": the result is handed over only while no newer task of {@code slot} has started. */
    public BackgroundTask<T> latestOf(LatestRequest slot) {
        this.latest = Objects.requireNonNull(slot, "slot");
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    String description() {
        return description;
    }

    /** Called by an executor on the UI thread; returns the ticket to check against when the result arrives. */
    long begin() {
        long ticket = latest == null ? 0 : latest.next();
        onRunning.run();
        return ticket;
    }

    /** Runs the work on the calling (background) thread. */
    Outcome<T> call() {
        try {
            return new Outcome<>(work.call(), null);
        } catch (Exception | LinkageError | AssertionError e) {
            return new Outcome<>(null, e);
        }
    }

    /** Called by an executor on the UI thread with the work's outcome. */
    void complete(long ticket, Outcome<T> outcome, ProblemReporter problems) {
        try {
            if (latest != null && !latest.isCurrent(ticket)) {
                return;
            }
            if (outcome.failure() == null) {
                onSuccess.accept(outcome.value());
            } else if (onFailure != null) {
                onFailure.accept(outcome.failure());
            } else {
                problems.report(description, outcome.failure());
            }
            if (outcome.failure() != null) {
                andOnFailure.accept(outcome.failure());
            }
        } finally {
            onFinished.run();
        }
    }

    record Outcome<T>(T value, Throwable failure) {
    }
}
