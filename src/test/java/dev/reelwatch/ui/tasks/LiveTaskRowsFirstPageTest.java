package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first page of a cache read while the window is built is shown the moment the window asks, before the read's
 * own callback reaches the UI thread (which would come after the window's first frame), and only once.
 */
class LiveTaskRowsFirstPageTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final int TASKS = LiveTaskRows.FIRST_PAGE + 100;

    @TempDir
    Path dir;

    private TestCache cache;
    private StoreChangeRelay relay;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    /** The UI thread's queue, run by the test when it chooses. */
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    /** The test's thread stands for the UI thread: as with {@code UiThread.fx()}, it runs its own work inline. */
    private final Thread uiThread = Thread.currentThread();
    private final List<Throwable> failures = new ArrayList<>();
    private LiveTaskRows rows;
    private int changes;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        Account account = cache.addAccount("Batch", ProviderKind.MONEYPRINTERTURBO, false);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(TestCache.task(account, "mpt-" + i, TaskStatus.SUCCEEDED, "Video " + i, "mpt-local",
                    NOW.minusSeconds(i)));
        }
        cache.tasks.upsert(account.id(), tasks);
        relay = new StoreChangeRelay(cache.tasks, Runnable::run);
        rows = new LiveTaskRows(cache.tasks, relay,
                TaskExecutor.handOff(background, this::onUi, (what, e) -> failures.add(e)));
        rows.addChangeListener(new LiveTaskRows.ChangeListener() {
            @Override
            public void afterChange() {
                changes++;
            }
        });
        // As the window does: the rest of the cache waits for the first paint.
        rows.readRestAfterPaint();
    }

    @AfterEach
    void tearDown() throws Exception {
        rows.close();
        relay.close();
        background.shutdownNow();
        assertTrue(background.awaitTermination(10, TimeUnit.SECONDS));
        cache.close();
    }

    @Test
    void theWindowShowsAPageAlreadyReadWithoutWaitingForItsCallback() throws Exception {
        rows.showFirstPageIfRead();
        assertEquals(0, rows.rows().size(), "nothing read yet, nothing shown, nothing waited for");

        rows.load();
        waitForTheRead();
        assertEquals(0, rows.rows().size(), "the read's callback still waits in the UI thread's queue");

        rows.showFirstPageIfRead();
        assertEquals(LiveTaskRows.FIRST_PAGE, rows.rows().size());
        assertEquals(1, changes);
        assertEquals("Video 0", rows.rows().get(0).prompt(), "the newest first");

        // The queued callback comes after the window's first frame: the page is not shown a second time.
        runUi();
        rows.showFirstPageIfRead();
        assertEquals(1, changes);
        assertEquals(LiveTaskRows.FIRST_PAGE, rows.rows().size());

        // Painted: the rest of the cache follows, as it did when the callback showed the page.
        rows.painted();
        waitForTheRead();
        runUi();
        assertEquals(TASKS, rows.rows().size());
        assertTrue(rows.loadedProperty().get());
        assertEquals(List.of(), failures);
    }

    @Test
    void aPageNotYetShownEarlyIsShownByItsCallbackAsBefore() throws Exception {
        rows.load();
        waitForTheRead();
        runUi();

        assertEquals(LiveTaskRows.FIRST_PAGE, rows.rows().size());
        assertEquals(1, changes);
        rows.showFirstPageIfRead();
        assertEquals(1, changes, "asked after its callback showed it, the page is not shown again");
    }

    /** Waits until the background thread has finished what it was given and handed its callback to the UI. */
    private void waitForTheRead() throws Exception {
        background.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable command) {
        if (Thread.currentThread() == uiThread) {
            command.run();
        } else {
            ui.add(command);
        }
    }

    private void runUi() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }
}
