package dev.reelwatch.ui.failures;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Failures view's model over a real cache: groups, plain words, the 30-day trend, live reloads. */
class FailuresViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-31T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private StoreChangeRelay relay;
    private FailuresViewModel vm;
    private Account studio;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("studio", ProviderKind.MESHAPI, false);
        relay = new StoreChangeRelay(cache.tasks, Runnable::run);
        vm = new FailuresViewModel(cache.tasks, relay, TaskExecutor.direct((what, e) -> { throw new AssertionError(e); }),
                cache.clock, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        relay.close();
        cache.close();
    }

    private static Task failed(String id, Instant at, String code, String message) {
        Task.Builder b = Task.builder(id, TaskStatus.FAILED).createdAt(at).completedAt(at).model("veo-3");
        if (code != null || message != null) {
            b.error(new TaskError(code, message));
        }
        return b.build();
    }

    @Test
    void groupsCarryPlainWordsAndADailyTrendOfTheLastThirtyDays() {
        List<Task> tasks = new ArrayList<>();
        tasks.add(failed("a", NOW.minusSeconds(3600), "InputTextSensitiveContentDetected", "Sensitive prompt."));
        tasks.add(failed("b", NOW.minusSeconds(86_400L * 2), "InputTextSensitiveContentDetected", "Sensitive prompt."));
        tasks.add(failed("c", NOW.minusSeconds(86_400L * 45), "InputTextSensitiveContentDetected", "Sensitive prompt."));
        tasks.add(failed("d", NOW.minusSeconds(60), null, null));
        cache.tasks.upsert(studio.id(), tasks);

        vm.reload();

        assertEquals(2, vm.items().size());
        FailureItem content = vm.items().get(0);
        assertEquals(FailureCause.CONTENT, content.cause());
        assertEquals("Refused by the provider's content rules", content.causeText());
        assertEquals("InputTextSensitiveContentDetected", content.title());
        assertEquals(3, content.count());
        assertEquals(2, content.recentCount(), "the one from 45 days ago is outside the trend");
        assertEquals(30, content.lastThirtyDays().size());
        assertEquals(1, content.lastThirtyDays().get(29), "today");
        assertEquals(1, content.lastThirtyDays().get(27), "two days ago");
        FailureItem none = vm.items().get(1);
        assertEquals(FailureCause.NONE, none.cause());
        assertEquals("No error information", none.title());
        assertEquals("4 failed tasks in 2 groups · 3 in the last 30 days", vm.summaryProperty().get());
        assertEquals(2, vm.groupCountProperty().get());
    }

    @Test
    void aNewFailureInTheCacheReloadsTheGroupsAndChoosingOneHandsOverItsTasks() {
        vm.reload();
        assertTrue(vm.items().isEmpty());
        cache.tasks.upsert(studio.id(), List.of(failed("x", NOW, "RateLimited", "Too many requests")));
        assertEquals(1, vm.items().size());
        assertEquals(FailureCause.RATE, vm.items().get(0).cause());

        List<String> labels = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        vm.setOnChoose((group, label) -> {
            labels.add(label);
            ids.addAll(group.taskIds());
        });
        vm.choose(vm.items().get(0));
        assertEquals(List.of("Too many requests at once (MeshAPI): 1 task"), labels);
        assertEquals(List.of(cache.tasks.find(studio.id(), "x").orElseThrow().id()), ids);
    }

    @Test
    void onlyChangesThatTouchFailedTasksReadTheFailuresAgain() {
        int[] reads = {0};
        vm.loadingProperty().addListener((o, was, now) -> reads[0] += now ? 1 : 0);
        cache.tasks.upsert(studio.id(), List.of(failed("x", NOW, "RateLimited", "Too many requests")));
        assertEquals(1, reads[0], "a new failure reloads");

        cache.tasks.upsert(studio.id(), List.of(Task.builder("r", TaskStatus.RUNNING).createdAt(NOW).build()));
        cache.tasks.upsert(studio.id(), List.of(Task.builder("r", TaskStatus.RUNNING).createdAt(NOW).progress(40)
                .build()));
        cache.tasks.upsert(studio.id(), List.of(Task.builder("s", TaskStatus.SUCCEEDED).createdAt(NOW).build()));
        assertEquals(1, reads[0], "running and succeeded tasks leave the failures as they were");

        cache.tasks.upsert(studio.id(), List.of(failed("r", NOW, "InternalError", "Boom")));
        assertEquals(2, reads[0], "a task that fails reloads");
        assertEquals(2, vm.items().size());

        cache.tasks.upsert(studio.id(), List.of(Task.builder("x", TaskStatus.RUNNING).createdAt(NOW).build()));
        assertEquals(3, reads[0], "a failed task that is retried reloads");
        assertEquals(1, vm.items().size());

        long failedId = cache.tasks.find(studio.id(), "r").orElseThrow().id();
        cache.tasks.removeFromHistory(List.of(failedId));
        assertEquals(4, reads[0], "a failed task removed from the history reloads");
        assertTrue(vm.items().isEmpty());
    }

    @Test
    void changesDuringTheRestAfterAReloadMakeOneReloadWhenItEnds() {
        List<Runnable> pauses = new ArrayList<>();
        int[] reads = {0};
        vm.close();
        vm = new FailuresViewModel(cache.tasks, relay, TaskExecutor.direct((what, e) -> { throw new AssertionError(e); }),
                cache.clock, ZoneOffset.UTC, pauses::add);
        vm.loadingProperty().addListener((o, was, now) -> reads[0] += now ? 1 : 0);

        cache.tasks.upsert(studio.id(), List.of(failed("p1", NOW, "RateLimited", "Too many requests")));
        assertEquals(1, reads[0], "a change in a quiet moment reloads at once");
        assertEquals(1, vm.items().get(0).count());
        for (int page = 2; page <= 4; page++) {
            cache.tasks.upsert(studio.id(), List.of(failed("p" + page, NOW, "RateLimited", "Too many requests")));
        }
        assertEquals(1, reads[0], "three sync pages during the rest wait for it");
        assertEquals(1, vm.items().get(0).count());

        pauses.remove(0).run();
        assertEquals(2, reads[0], "one reload for all three");
        assertEquals(4, vm.items().get(0).count());
        pauses.remove(0).run();
        assertEquals(2, reads[0], "nothing changed during the second rest");
        cache.tasks.upsert(studio.id(), List.of(failed("p5", NOW, "RateLimited", "Too many requests")));
        assertEquals(3, reads[0]);
        assertEquals(5, vm.items().get(0).count());

        cache.tasks.upsert(studio.id(), List.of(failed("p6", NOW, "RateLimited", "Too many requests")));
        vm.close();
        pauses.remove(0).run();
        assertEquals(3, reads[0], "a pause that ends after the window closed reads nothing");
    }

    @Test
    void causesAreReadFromCodesAndMessages() {
        assertEquals(FailureCause.CREDITS, FailureCause.of("InsufficientBalance", ""));
        assertEquals(FailureCause.TIMEOUT, FailureCause.of("", "The job timed out after 600 s"));
        assertEquals(FailureCause.PROVIDER, FailureCause.of("InternalServiceError", ""));
        assertEquals(FailureCause.RENDER, FailureCause.of("", "ffmpeg exited with code 1"));
        assertEquals(FailureCause.OTHER, FailureCause.of("", "Something odd"));
        assertEquals(FailureCause.NONE, FailureCause.of("", " "));
    }
}
