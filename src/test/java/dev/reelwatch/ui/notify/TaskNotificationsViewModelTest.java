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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskNotificationsViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private Account account;
    private TaskNotificationsViewModel vm;
    private final List<TaskNotice> shown = new ArrayList<>();
    private int next;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        account = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        vm = new TaskNotificationsViewModel(new SettingsWriter(cache.settings, UiThread.direct()));
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
    void manyAtOnceBecomeOneSummary() {
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED),
                transition(TaskStatus.RUNNING, TaskStatus.FAILED)));
        assertEquals(1, shown.size());
        assertEquals("4 tasks finished", shown.get(0).title());
        assertEquals("3 succeeded, 1 failed", shown.get(0).text());
    }

    @Test
    void turnedOffStaysOffAcrossRuns() {
        vm.enabledProperty().set(false);
        vm.onTransitions(List.of(transition(TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertTrue(shown.isEmpty());
        TaskNotificationsViewModel later = new TaskNotificationsViewModel(
                new SettingsWriter(cache.settings, UiThread.direct()));
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
