package dev.reelwatch.ui.common;

import java.util.concurrent.Executor;

/**
 * Runs {@link BackgroundTask}s: the work off the FX thread, the callbacks on it. The app uses
 * {@link #fx(Executor, ProblemReporter)}; ViewModel tests use {@link #direct(ProblemReporter)}, which runs all
 * of it inline on the calling thread.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /** An executor whose tasks run one after another, in submission order (store reads reach the UI in order). */
    TaskExecutor serial();

    /** Work on {@code background}, callbacks on the FX thread, unhandled failures to {@code problems}. */
    static TaskExecutor fx(Executor background, ProblemReporter problems) {
        return new HandOffTaskExecutor(background, UiThread.fx(), problems);
    }

    /** Work on {@code background}, callbacks through {@code ui}: for tests that pick both threads. */
    static TaskExecutor handOff(Executor background, Executor ui, ProblemReporter problems) {
        return new HandOffTaskExecutor(background, ui, problems);
    }

    /** Everything inline on the calling thread. */
    static TaskExecutor direct(ProblemReporter problems) {
        return new HandOffTaskExecutor(Runnable::run, Runnable::run, problems);
    }
}
