package dev.reelwatch.ui.notify;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.tasks.StatusTransition;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Decides which status changes deserve a desktop notification: a known task that just succeeded or failed.
 * More than {@value #MAX_SINGLE} at once become one summary, so a catch-up sync does not flood the desktop.
 */
public final class TaskNotificationsViewModel {
    static final String ENABLED_KEY = "ui.notifications.enabled";
    static final int MAX_SINGLE = 3;
    private static final int PROMPT_WORDS = 8;
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.notify.messages");

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final List<Consumer<TaskNotice>> listeners = new CopyOnWriteArrayList<>();
    private Function<TaskRow, Optional<Boolean>> ruleChoice = row -> Optional.empty();

    public TaskNotificationsViewModel(SettingsWriter settings) {
        enabled.set(settings.store().getBoolean(ENABLED_KEY, true));
        enabled.addListener((obs, was, now) -> settings.put(ENABLED_KEY, Boolean.toString(now)));
    }

    /**
     * Lets rules decide per task: true shows a notice even when notifications are off or the status is not one
     * that is usually announced, false silences it, empty keeps the usual behaviour.
     */
    public void setRuleChoice(Function<TaskRow, Optional<Boolean>> choice) {
        this.ruleChoice = choice;
    }

    /** Fed by the task list with the status changes of one store update. */
    public void onTransitions(List<StatusTransition> transitions) {
        List<TaskRow> finished = new ArrayList<>();
        for (StatusTransition t : transitions) {
            TaskStatus to = t.after().status();
            if (t.before().status() == to) {
                continue;
            }
            Optional<Boolean> rule = to.isTerminal() ? ruleChoice.apply(t.after()) : Optional.empty();
            boolean usual = enabled.get() && (to == TaskStatus.SUCCEEDED || to == TaskStatus.FAILED);
            if (rule.orElse(usual)) {
                finished.add(t.after());
            }
        }
        if (finished.isEmpty()) {
            return;
        }
        List<TaskNotice> notices = new ArrayList<>();
        if (finished.size() <= MAX_SINGLE) {
            for (TaskRow r : finished) {
                notices.add(single(r));
            }
        } else {
            long failed = finished.stream().filter(r -> r.status() == TaskStatus.FAILED).count();
            notices.add(new TaskNotice(String.format(TEXT.getString("summary.title"), finished.size()),
                    String.format(TEXT.getString("summary.text"), finished.size() - failed, failed),
                    failed > 0 ? TaskStatus.FAILED : TaskStatus.SUCCEEDED, null));
        }
        for (TaskNotice n : notices) {
            listeners.forEach(l -> l.accept(n));
        }
    }

    private static TaskNotice single(TaskRow r) {
        boolean ok = r.status() == TaskStatus.SUCCEEDED;
        String opening = r.promptOpening(PROMPT_WORDS);
        if (opening.isEmpty()) {
            opening = r.providerTaskId();
        }
        String text = "“" + opening + "”\n" + r.accountName()
                + (ok || r.errorMessage() == null ? "" : " — " + r.errorMessage());
        return new TaskNotice(TEXT.getString(ok ? "succeeded.title" : "failed.title"), text, r.status(), r.id());
    }

    /** Told on the UI thread about each notice to show. */
    public void addListener(Consumer<TaskNotice> listener) {
        listeners.add(listener);
    }

    /** Whether notifications are shown; remembered between runs. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
