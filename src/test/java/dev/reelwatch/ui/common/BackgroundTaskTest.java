package dev.reelwatch.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundTaskTest {
    private final List<String> problems = new ArrayList<>();
    private final TaskExecutor direct = TaskExecutor.direct((what, e) -> problems.add(what + ": " + e.getMessage()));

    @Test
    void successRunsCallbacksInOrder() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> "rows")
                .onRunning(() -> seen.add("running"))
                .onSuccess(v -> seen.add("success " + v))
                .onFinished(() -> seen.add("finished"))
                .executeWith(direct);
        assertEquals(List.of("running", "success rows", "finished"), seen);
        assertTrue(problems.isEmpty());
    }

    @Test
    void unhandledFailureGoesToTheProblemReporterAndStillFinishes() {
        boolean[] finished = {false};
        BackgroundTask.wrap(() -> {
                    throw new IllegalStateException("database is locked");
                })
                .describedAs("Loading usage")
                .onFinished(() -> finished[0] = true)
                .executeWith(direct);
        assertEquals(List.of("Loading usage: database is locked"), problems);
        assertTrue(finished[0], "a failed task must not leave its screen on loading");
    }

    @Test
    void ownFailureHandlerReplacesTheDefaultRoute() {
        List<Throwable> handled = new ArrayList<>();
        BackgroundTask.wrap(() -> {
            throw new java.io.IOException("disk full");
        }).onFailure(handled::add).executeWith(direct);
        assertEquals(1, handled.size());
        assertTrue(problems.isEmpty());
    }

    @Test
    void latestRequestWinsDropsAnOlderResult() {
        List<Runnable> backgroundQueue = new ArrayList<>();
        Executor deferred = backgroundQueue::add;
        TaskExecutor executor = TaskExecutor.handOff(deferred, Runnable::run, (w, e) -> problems.add(w));
        LatestRequest slot = new LatestRequest();
        List<String> shown = new ArrayList<>();
        BackgroundTask.wrap(() -> "old").latestOf(slot).onSuccess(shown::add).executeWith(executor);
        BackgroundTask.wrap(() -> "new").latestOf(slot).onSuccess(shown::add).executeWith(executor);
        backgroundQueue.get(1).run();
        backgroundQueue.get(0).run();
        assertEquals(List.of("new"), shown);
    }

    @Test
    void serialExecutorKeepsSubmissionOrder() {
        List<Runnable> pool = new ArrayList<>();
        TaskExecutor serial = TaskExecutor.handOff(pool::add, Runnable::run, (w, e) -> problems.add(w)).serial();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            BackgroundTask.wrap(() -> n).onSuccess(order::add).executeWith(serial);
        }
        while (!pool.isEmpty()) {
            pool.remove(0).run();
        }
        assertEquals(List.of(0, 1, 2), order);
    }
}
