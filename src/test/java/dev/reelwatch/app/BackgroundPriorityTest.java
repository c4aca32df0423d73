package dev.reelwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background threads below the window's priority: which threads, read from /proc, and a real renice. */
class BackgroundPriorityTest {
    @TempDir
    Path dir;

    @Test
    void readsTheNiceValueAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler) (x) S 1183 1183 10472 0 -1 4194304 101 0 0 0 0 0 0 0 30 10 1 0 1128421";
        assertEquals(10, BackgroundPriority.niceOf(stat));
        assertEquals(0, BackgroundPriority.niceOf(
                "1185 (cat) R 1183 1183 10472 0 -1 4194304 101 0 0 0 0 0 0 0 20 0 1 0 1128421 3133440 390"));
    }

    @Test
    void lowersOnlyBackgroundThreadsThatRunBelowTheBackgroundValue() throws IOException {
        thread(101, "reelwatch-sync-", 0);
        thread(102, "JavaFX Applicat", 0);
        thread(103, "C2 CompilerThre", 0);
        thread(104, "reelwatch-backg", 10);
        thread(105, "HttpClient-1-Wo", 5);
        thread(106, "QuantumRenderer", 0);
        thread(107, "reelwatch-archi", 15);
        Files.createDirectories(dir.resolve("108")); // ended between the listing and the read
        List<List<Long>> calls = new ArrayList<>();
        BackgroundPriority priority = new BackgroundPriority(dir, (nice, ids) -> {
            assertEquals(BackgroundPriority.NICE, nice);
            calls.add(ids.stream().sorted().toList());
            for (long id : ids) {
                thread(id, Files.readString(dir.resolve(id + "/comm")).strip(), nice);
            }
        });

        assertEquals(3, priority.sweep());
        assertEquals(List.of(List.of(101L, 103L, 105L)), calls);
        // Already lowered: nothing more to do, and nothing is ever raised (107 stays at 15).
        assertEquals(0, priority.sweep());
        assertEquals(1, calls.size());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aRealSweepLowersTheAppsOwnThreadAndLeavesTheOthers() throws Exception {
        BackgroundPriority priority = BackgroundPriority.forThisProcess("Linux", System.getenv("PATH"))
                .orElseThrow(() -> new AssertionError("Linux has /proc and renice (util-linux / bsdutils)"));
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Long> background = new CompletableFuture<>();
        CompletableFuture<Long> other = new CompletableFuture<>();
        List<Thread> threads = List.of(parked("reelwatch-test-worker", background, done),
                parked("window-like", other, done));
        threads.forEach(Thread::start);
        try {
            long backgroundId = background.get(10, TimeUnit.SECONDS);
            long otherId = other.get(10, TimeUnit.SECONDS);
            int before = niceOfThread(otherId);

            assertTrue(priority.sweep() >= 1);

            assertEquals(BackgroundPriority.NICE, niceOfThread(backgroundId));
            assertEquals(before, niceOfThread(otherId));
        } finally {
            done.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** A thread that tells its kernel id, then waits. */
    private static Thread parked(String name, CompletableFuture<Long> id, CountDownLatch done) {
        return new Thread(() -> {
            try {
                // /proc/thread-self points at "<pid>/task/<tid>".
                id.complete(Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                        .toString()));
                done.await();
            } catch (IOException | InterruptedException e) {
                id.completeExceptionally(e);
            }
        }, name);
    }

    private static int niceOfThread(long tid) throws IOException {
        return BackgroundPriority.niceOf(Files.readString(Path.of("/proc/self/task/" + tid + "/stat")));
    }

    private void thread(long id, String name, int nice) throws IOException {
        Path task = Files.createDirectories(dir.resolve(String.valueOf(id)));
        Files.writeString(task.resolve("comm"), name + "\n", StandardCharsets.UTF_8);
        Files.writeString(task.resolve("stat"), id + " (" + name + ") S 1 1 1 0 -1 4194304 101 0 0 0 0 0 0 0 "
                + (20 + nice) + " " + nice + " 1 0 1128421\n", StandardCharsets.UTF_8);
    }
}
