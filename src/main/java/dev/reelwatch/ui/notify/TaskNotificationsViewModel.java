package dev.reelwatch.ui.notify;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.tasks.StatusTransition;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Decides which status changes deserve a notification (a known task that just succeeded or failed) and merges
 * bursts: whatever finishes within {@link #MERGE_WINDOW} of the last notice joins it, across store updates,
 * so a catch-up sync shows one "5 videos ready" that grows instead of a stack of popups.
 */
public final class TaskNotificationsViewModel {
    static final String ENABLED_KEY = "ui.notifications.enabled";
    static final String ONLY_FAILURES_KEY = "ui.notifications.onlyFailures";
    /** Finishing this close to the previous notice continues its burst. */
    public static final Duration MERGE_WINDOW = Duration.ofSeconds(5);
    private static final int PROMPT_WORDS = 8;
    private static final int LISTED = 3;
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.notify.messages");

    private final Clock clock;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanProperty onlyFailures = new SimpleBooleanProperty(this, "onlyFailures", false);
    private final List<Consumer<TaskNotice>> listeners = new CopyOnWriteArrayList<>();
    private final List<TaskRow> burstRows = new ArrayList<>();
    private long burst;
    private Instant lastNotice;
    private Function<TaskRow, Optional<Boolean>> ruleChoice = row -> Optional.empty();

    public TaskNotificationsViewModel(SettingsWriter settings, Clock clock) {
        this.clock = clock;
        enabled.set(settings.store().getBoolean(ENABLED_KEY, true));
        onlyFailures.set(settings.store().getBoolean(ONLY_FAILURES_KEY, false));
        enabled.addListener((obs, was, now) -> settings.put(ENABLED_KEY, Boolean.toString(now)));
        onlyFailures.addListener((obs, was, now) -> settings.put(ONLY_FAILURES_KEY, Boolean.toString(now)));
    }

    /**
     * Lets rules decide per task: true shows a notice even when notifications are off or the status is not one
     * that is usually announced, false silences it, empty keeps the usual behaviour.
     */
    public void setRuleChoice(Function<TaskRow, Optional<Boolean>> choice) {
        this.ruleChoice = choice;
    }

    /** Fed by the task list, on the UI thread, with the status changes of one store update. */
    public void onTransitions(List<StatusTransition> transitions) {
        List<TaskRow> finished = new ArrayList<>();
        for (StatusTransition t : transitions) {
            TaskStatus to = t.after().status();
            if (t.before().status() == to) {
                continue;
            }
            Optional<Boolean> rule = to.isTerminal() ? ruleChoice.apply(t.after()) : Optional.empty();
            boolean usual = enabled.get()
                    && (to == TaskStatus.FAILED || (to == TaskStatus.SUCCEEDED && !onlyFailures.get()));
            if (rule.orElse(usual)) {
                finished.add(t.after());
            }
        }
        if (finished.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (lastNotice == null || Duration.between(lastNotice, now).compareTo(MERGE_WINDOW) > 0) {
            burst++;
            burstRows.clear();
        }
        lastNotice = now;
        for (TaskRow r : finished) {
            // A task that finished twice in one burst (failed, retried, succeeded) counts once, as it is now.
            burstRows.removeIf(old -> old.id() == r.id());
            burstRows.add(r);
        }
        TaskNotice notice = burstRows.size() == 1 ? single(burstRows.get(0)) : summary();
        listeners.forEach(l -> l.accept(notice));
    }

    private TaskNotice single(TaskRow r) {
        boolean ok = r.status() == TaskStatus.SUCCEEDED;
        String text = "“" + opening(r) + "”\n" + r.accountName()
                + (ok || r.errorMessage() == null ? "" : " — " + r.errorMessage());
        return new TaskNotice(TEXT.getString(ok ? "succeeded.title" : "failed.title"), text, r.status(), r.id(),
                burst, 1);
    }

    private TaskNotice summary() {
        int failed = (int) burstRows.stream().filter(r -> r.status() == TaskStatus.FAILED).count();
        int ready = burstRows.size() - failed;
        String title = failed == 0 ? String.format(TEXT.getString("ready.many"), ready)
                : ready == 0 ? String.format(TEXT.getString("failed.many"), failed)
                : String.format(TEXT.getString("mixed"), ready, failed);
        List<String> lines = new ArrayList<>();
        // Failures first: they are what the user has to act on.
        burstRows.stream().sorted((a, b) -> Boolean.compare(b.status() == TaskStatus.FAILED,
                a.status() == TaskStatus.FAILED)).limit(LISTED).forEach(r -> lines.add("“" + opening(r) + "”"));
        if (burstRows.size() > LISTED) {
            lines.add(String.format(TEXT.getString("more"), burstRows.size() - LISTED));
        }
        return new TaskNotice(title, String.join("\n", lines), failed > 0 ? TaskStatus.FAILED : TaskStatus.SUCCEEDED,
                null, burst, burstRows.size());
    }

    private static String opening(TaskRow r) {
        String opening = r.promptOpening(PROMPT_WORDS);
        return opening.isEmpty() ? r.providerTaskId() : opening;
    }

    /** Told on the UI thread about each notice to show (a notice of a known burst replaces the earlier one). */
    public void addListener(Consumer<TaskNotice> listener) {
        listeners.add(listener);
    }

    /** Whether notifications are shown; remembered between runs. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Whether only failures are told (successes stay quiet); remembered between runs. */
    public BooleanProperty onlyFailuresProperty() {
        return onlyFailures;
    }
}
