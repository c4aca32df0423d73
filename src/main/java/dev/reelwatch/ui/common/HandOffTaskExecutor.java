package dev.reelwatch.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one hand-off: begin on the UI thread, work on the background executor, complete on the UI thread. */
final class HandOffTaskExecutor implements TaskExecutor {
    private static final Logger LOG = Logger.getLogger(HandOffTaskExecutor.class.getName());
    private final Executor background;
    private final Executor ui;
    private final ProblemReporter problems;

    HandOffTaskExecutor(Executor background, Executor ui, ProblemReporter problems) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        ui.execute(() -> {
            long ticket = task.begin();
            try {
                background.execute(() -> {
                    BackgroundTask.Outcome<T> outcome = task.call();
                    ui.execute(() -> task.complete(ticket, outcome, problems));
                });
            } catch (RejectedExecutionException shuttingDown) {
                // The window is closing and the background pool is gone: nothing is left to show the result.
                LOG.log(Level.FINE, "background work dropped at shutdown: " + task.description(), shuttingDown);
            }
        });
    }

    @Override
    public TaskExecutor serial() {
        if (background instanceof SerialExecutor) {
            return this;
        }
        return new HandOffTaskExecutor(new SerialExecutor(background), ui, problems);
    }
}
