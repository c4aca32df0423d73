package dev.reelwatch.ui.notify;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.StatusTransition;
import dev.reelwatch.ui.tasks.TaskRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which finished tasks are told, and how bursts merge into one notice, on a clock the test moves. */
class TaskNotificationsViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private Account account;
    private AdjustableClock clock;
    private TaskNotificationsViewModel vm;
    private final List<TaskNotice> shown = new ArrayList<>();
    private int next;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        account = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        vm = new TaskNotificationsViewModel(new SettingsWriter(cache.settings, UiThread.direct()), clock);
        vm.addListener(shown::add);
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    private StatusTransition transition(TaskStatus from, TaskStatus to) {
        String id = "t" + next++;
        String prompt = "A corgi astronaut bouncing on the moon with Earth rising behind it, cinematic";
        TaskRow before = TaskRow.of(cache.put(TestCache.task(account, id, from, prompt, "veo-3", NOW)));
        TaskRow after = TaskRow.of(cache.put(TestCache.task(account, id, to, prompt, "veo-3", NOW).toBuilder()
                .error(to == TaskStatus.FAILED ? new TaskError("E1", "Sensitive content") : null).build()));
        return new StatusTransition(before, after);
    }

    @Test
    void aTaskThatSucceedsIsAnnouncedWithThePromptsFirstWords() {
        StatusTransition t = transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED);
        vm.onTransitions(List.of(t));
        assertEquals(1, shown.size());
        assertEquals("Video ready", shown.get(0).title());
        assertTrue(shown.get(0).text().startsWith("“A corgi astronaut bouncing on the moon with…”"),
                shown.get(0).text());
        assertEquals(t.after().id(), shown.get(0).taskId());
    }

    @Test
    void aFailureSaysWhy() {
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.FAILED)));
        assertEquals("Generation failed", shown.get(0).title());
        assertTrue(shown.get(0).text().endsWith("Sensitive content"), shown.get(0).text());
    }

    @Test
    void otherTransitionsAreQuiet() {
        vm.onTransitions(List.of(transition(TaskStatus.QUEUED, TaskStatus.RUNNING),
                transition(TaskStatus.RUNNING, TaskStatus.CANCELLED)));
        assertTrue(shown.isEmpty());
    }

    @Test
    void manyAtOnceBecomeOneSummaryThatListsTheFailuresFirst() {
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.FAILED)));
        assertEquals(1, shown.size());
        assertEquals("4 videos ready, 1 failed", shown.get(0).title());
        assertEquals(TaskStatus.FAILED, shown.get(0).status());
        assertEquals(5, shown.get(0).count());
        assertTrue(shown.get(0).text().endsWith("… and 2 more"), shown.get(0).text());
    }

    @Test
    void finishesAFewSecondsApartMergeIntoOneGrowingNotice() {
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        clock.advance(Duration.ofSeconds(2));
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        clock.advance(Duration.ofSeconds(4));
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));

        assertEquals(3, shown.size(), "one update per store batch");
        assertEquals("Video ready", shown.get(0).title());
        assertEquals("3 videos ready", shown.get(1).title());
        assertEquals("5 videos ready", shown.get(2).title());
        assertEquals(1, shown.stream().map(TaskNotice::burst).distinct().count(),
                "every update replaces the same notice: nothing stacks");
        assertNull(shown.get(2).taskId(), "a summary opens no single task");
    }

    @Test
    void aQuietGapLongerThanTheMergeWindowStartsANewNotice() {
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.FAILED),
                transition(TaskStatus.RUNNING, TaskStatus.FAILED)));
        clock.advance(TaskNotificationsViewModel.MERGE_WINDOW.plusSeconds(1));
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));

        assertEquals("2 tasks failed", shown.get(0).title());
        assertEquals("Video ready", shown.get(1).title());
        assertNotEquals(shown.get(0).burst(), shown.get(1).burst());
    }

    @Test
    void onlyFailuresKeepsSuccessesQuietAndIsRemembered() {
        vm.onlyFailuresProperty().set(true);
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertTrue(shown.isEmpty());
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.FAILED)));
        assertEquals(1, shown.size());
        assertEquals("Generation failed", shown.get(0).title());
        assertTrue(new TaskNotificationsViewModel(new SettingsWriter(cache.settings, UiThread.direct()), clock)
                .onlyFailuresProperty().get());
    }

    @Test
    void turnedOffStaysOffAcrossRuns() {
        vm.enabledProperty().set(false);
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertTrue(shown.isEmpty());
        TaskNotificationsViewModel later = new TaskNotificationsViewModel(
                new SettingsWriter(cache.settings, UiThread.direct()), clock);
        assertFalse(later.enabledProperty().get());
    }

    @Test
    void aRuleSilencesANoticeOrAsksForOneEvenWhenNotificationsAreOff() {
        vm.setRuleChoice(row -> row.providerTaskId().equals("t0") ? java.util.Optional.of(false)
                : row.status() == TaskStatus.CANCELLED ? java.util.Optional.of(true) : java.util.Optional.empty());
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertTrue(shown.isEmpty(), "silenced by a rule");

        vm.enabledProperty().set(false);
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.CANCELLED)));
        assertEquals(1, shown.size(), "a rule's notify shows even cancelled tasks, with notifications off");
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertEquals(1, shown.size(), "no rule: notifications off stay off");
    }
}
