package dev.reelwatch.ui.compare;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlayerState;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the compare window shows underneath the videos, worked out without a screen. */
class CompareViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private Account studio;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    @Test
    void promptWordsThatDifferFromTheFirstAreMarked() {
        PromptDiff diff = PromptDiff.of("A red fox runs through snow", "A small red fox walks through  deep snow");

        assertEquals("A small red fox walks through  deep snow", diff.text(), "the text is kept exactly");
        assertEquals(List.of("small", "walks", "deep"), diff.parts().stream().filter(PromptDiff.Part::changed)
                .map(p -> p.text().strip()).toList());
        assertFalse(PromptDiff.of("same words", "same words").differs());
        assertTrue(PromptDiff.of("", "new").differs());
        assertEquals("", PromptDiff.of("x", null).text());
    }

    @Test
    void parametersAreSideBySideAndDifferencesMarked() {
        StoredTask a = put(Task.builder("a", TaskStatus.SUCCEEDED).prompt("A fox").model("veo-3").resolution("1280x720")
                .seed(7L).duration(Duration.ofSeconds(5)).cost(Cost.tokens(1500)).parameter("style", "cinematic")
                .createdAt(NOW).completedAt(NOW.plusSeconds(90)));
        StoredTask b = put(Task.builder("b", TaskStatus.SUCCEEDED).prompt("A fox").model("veo-3").resolution("1920x1080")
                .seed(7L).duration(Duration.ofSeconds(5)).cost(Cost.tokens(2100)).parameter("camera", "dolly")
                .createdAt(NOW).completedAt(NOW.plusSeconds(150)));

        CompareViewModel vm = compare(List.of(a, b));
        try {
            assertEquals(List.of("Provider", "Model", "Resolution", "Length", "Seed", "Cost", "Time to finish",
                    "style", "camera"), vm.parameters().stream().map(ParameterRow::label).toList());
            assertEquals(List.of("Resolution", "Cost", "Time to finish", "style", "camera"),
                    vm.differences().stream().map(ParameterRow::label).toList());
            ParameterRow style = vm.parameters().get(7);
            assertEquals(List.of("cinematic", ""), style.values());
            assertEquals(List.of("90 s", "150 s"), vm.parameters().get(6).values());
            assertEquals("Compare 2 videos", vm.title());
            assertTrue(vm.tasks().get(0).subtitle().startsWith("veo-3 · Studio · 10 "), vm.tasks().get(0).subtitle());
        } finally {
            vm.close();
        }
    }

    @Test
    void tasksWithoutVideoCannotPlayAndCompareNeedsTwoSucceeded() {
        StoredTask a = put(Task.builder("a", TaskStatus.SUCCEEDED).prompt("x"));
        StoredTask b = put(Task.builder("b", TaskStatus.SUCCEEDED).prompt("y"));

        CompareViewModel vm = compare(List.of(a, b));
        try {
            assertTrue(vm.tasks().stream().allMatch(t -> t.player().stateProperty().get() == PlayerState.EMPTY));
            assertFalse(vm.playback().readyProperty().get(), "nothing to play");
            vm.playback().playPause();
            assertEquals("0:00 / 0:00", vm.playback().timeTextProperty().get());
        } finally {
            vm.close();
        }
        assertTrue(CompareViewModel.canCompare(List.of(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED)));
        assertFalse(CompareViewModel.canCompare(List.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED)));
        assertFalse(CompareViewModel.canCompare(List.of(TaskStatus.SUCCEEDED)));
        assertThrows(IllegalArgumentException.class, () -> compare(List.of(a)));
    }

    private CompareViewModel compare(List<StoredTask> tasks) {
        FxPlaybackEngines engines = new FxPlaybackEngines();
        return new CompareViewModel(tasks, () -> new PlayerViewModel(cache.tasks, engines,
                new SystemOpener(Runnable::run, "Linux", cmd -> { }), cache.clock,
                () -> PlaybackHost.unknown("Linux")), ZoneOffset.UTC);
    }

    private StoredTask put(Task.Builder builder) {
        return cache.put(builder.accountId(studio.id()).build());
    }
}
