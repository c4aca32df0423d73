package dev.reelwatch.ui.failures;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.FailedTask;
import dev.reelwatch.store.FailureGroup;
import dev.reelwatch.store.FailureGroups;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Failures view (issue 15): the cached failed tasks grouped by provider and cause, largest first, each with
 * its cause in plain words, the provider's message and a 30-day trend. Reloads when failed tasks change (a
 * change to tasks that were not failed and are not now leaves it alone).
 * Choosing a group hands its tasks to the task list.
 *
 * <p>A reload reads and regroups every failed task (tens of thousands in a big cache). While a sync pours pages
 * in, each page would start one more right after the last, and on two cores that CPU is taken from the window's
 * frames: so after each reload the model rests for a pause ({@code afterPause}) and changes meanwhile make one
 * reload when it ends. A change in a quiet moment still reloads at once.
 */
public final class FailuresViewModel implements AutoCloseable {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.failures.messages");
    static final int TREND_DAYS = 30;

    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final RelativeTime time;
    private final LatestRequest latest = new LatestRequest();
    private final ObservableList<FailureItem> items = FXCollections.observableArrayList();
    private final ObservableList<FailureItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper groupCount = new ReadOnlyIntegerWrapper(this, "groupCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Consumer<TaskChange> listener = this::changed;
    /** The ids of the failed tasks the last reload read, sorted: a change that touches none may need no reload. */
    private long[] failedIds = new long[0];
    /** Changed tasks whose statuses are still to be looked at, and whether a look is running. */
    private final Set<Long> toCheck = new HashSet<>();
    /** Tasks changed while a reload ran: checked against what it read once it is done. */
    private final Set<Long> changedDuringReload = new HashSet<>();
    private boolean checking;
    /** Runs a command on the FX thread once the pause after a reload is over. */
    private final Executor afterPause;
    /** A reload is running, or its pause; changes meanwhile ask for one more after it, not one each. */
    private boolean reloading;
    private boolean resting;
    private boolean reloadAgain;
    /** Closed with the window: a pause that ends afterwards reads nothing. */
    private boolean closed;
    private BiConsumer<FailureGroup, String> onChoose = (group, label) -> { };

    /** Reloads one right after another (no pause): for tests. */
    public FailuresViewModel(TaskStore store, StoreChangeRelay relay, TaskExecutor executor, Clock clock,
                             ZoneId zone) {
        this(store, relay, executor, clock, zone, Runnable::run);
    }

    public FailuresViewModel(TaskStore store, StoreChangeRelay relay, TaskExecutor executor, Clock clock,
                             ZoneId zone, Executor afterPause) {
        this.afterPause = afterPause;
        this.store = store;
        this.relay = relay;
        this.executor = executor.serial();
        this.clock = clock;
        this.zone = zone;
        this.time = new RelativeTime(clock);
        relay.subscribe(listener);
    }

    /** Reads the failed tasks again and regroups them (in the background; the newest reload wins). */
    public void reload() {
        reloading = true;
        reloadAgain = false;
        BackgroundTask.wrap(() -> read(store.failedTasks(null, null)))
                .describedAs("Loading the failures")
                .latestOf(latest)
                .onRunning(() -> loading.set(true))
                .onSuccess(read -> {
                    failedIds = read.ids();
                    show(read.items());
                    // A failed task the read saw may have changed or gone while it ran.
                    if (touchesKnownFailure(changedDuringReload)) {
                        reloadSoon();
                    }
                })
                .onFinished(() -> {
                    changedDuringReload.clear();
                    loading.set(false);
                    reloading = false;
                    resting = true;
                    afterPause.execute(this::rested);
                })
                .executeWith(executor);
    }

    private void rested() {
        resting = false;
        if (reloadAgain && !reloading && !closed) {
            reload();
        }
    }

    /** The groups and the sorted ids of the failed tasks they came from. */
    private record Read(List<FailureItem> items, long[] ids) {
    }

    private Read read(List<FailedTask> failed) {
        long[] ids = failed.stream().mapToLong(FailedTask::taskId).sorted().toArray();
        return new Read(build(failed), ids);
    }

    /**
     * The failures change only when a task that was failed changes or goes, or a task becomes failed. The first
     * is known here; the second needs the changed tasks' statuses, a read of a page of rows by id, where a reload
     * reads and regroups every failed task (100,000 in a million-task cache) on every sync page or archive step.
     */
    private void changed(TaskChange change) {
        if (reloading) {
            changedDuringReload.addAll(change.changed());
            changedDuringReload.addAll(change.removed());
        }
        if (touchesKnownFailure(change.removed()) || touchesKnownFailure(change.changed())) {
            reloadSoon();
            return;
        }
        toCheck.addAll(change.changed());
        checkSoon();
    }

    /** One look at the changed tasks' statuses at a time; changes meanwhile join the next one. */
    private void checkSoon() {
        if (checking || toCheck.isEmpty() || closed) {
            return;
        }
        checking = true;
        List<Long> ids = List.copyOf(toCheck);
        toCheck.clear();
        BackgroundTask.wrap(() -> store.summariesOf(ids).stream().anyMatch(t -> t.status() == TaskStatus.FAILED))
                .describedAs("Looking for new failures")
                .onSuccess(failedNow -> {
                    if (failedNow && !closed) {
                        reloadSoon();
                    }
                })
                .onFinished(() -> {
                    checking = false;
                    checkSoon();
                })
                .executeWith(executor);
    }

    private boolean touchesKnownFailure(Set<Long> ids) {
        for (long id : ids) {
            if (Arrays.binarySearch(failedIds, id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failures changed: one reload now, or one after the running one and its pause however many changes came
     * meanwhile.
     */
    private void reloadSoon() {
        if (reloading || resting) {
            reloadAgain = true;
        } else {
            reload();
        }
    }

    private void show(List<FailureItem> fresh) {
        if (!fresh.equals(items)) {
            items.setAll(fresh);
        }
        groupCount.set(fresh.size());
        int failed = fresh.stream().mapToInt(FailureItem::count).sum();
        int recent = fresh.stream().mapToInt(FailureItem::recentCount).sum();
        NumberFormat n = NumberFormat.getIntegerInstance();
        summary.set(fresh.isEmpty() ? "" : String.format(TEXT.getString(failed == 1 ? "summary.one" : "summary.many"),
                n.format(failed), n.format(fresh.size()), n.format(recent)));
    }

    /** Runs off the FX thread: groups, words and trends. */
    List<FailureItem> build(List<FailedTask> failed) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(TREND_DAYS - 1L);
        List<FailureItem> out = new ArrayList<>();
        for (FailureGroup g : FailureGroups.group(failed)) {
            int[] days = new int[TREND_DAYS];
            for (Instant at : g.failedAt()) {
                long index = ChronoUnit.DAYS.between(first, at.atZone(zone).toLocalDate());
                if (index >= 0 && index < TREND_DAYS) {
                    days[(int) index]++;
                }
            }
            FailureCause cause = FailureCause.of(g.code(), g.message());
            String providerName = g.provider().displayName();
            String title = g.codeIfAny().orElse(g.withoutInformation() ? TEXT.getString("title.none")
                    : TEXT.getString("title.noCode"));
            String message = g.withoutInformation() ? TEXT.getString("message.none") : g.message();
            // The times are glued (no-break spaces): a narrow card wraps between the parts, never inside a date.
            String details = String.format(TEXT.getString("details"), providerName, String.join(", ", g.accounts()),
                    glued(time.ago(g.lastAt())), glued(time.exact(g.firstAt())))
                    + (g.models().isEmpty() ? "" : " · " + String.join(", ", g.models()));
            out.add(new FailureItem(g, cause, TEXT.getString(cause.key()), title, message, details,
                    Arrays.stream(days).boxed().toList(), Arrays.stream(days).sum()));
        }
        return out;
    }

    private static String glued(String text) {
        return text.replace(' ', '\u00a0');
    }

    /** Narrows the task list to this group's tasks. */
    public void choose(FailureItem item) {
        String label = String.format(TEXT.getString(item.count() == 1 ? "subset.label.one" : "subset.label"),
                item.causeText(),
                item.group().provider().displayName(), item.count());
        onChoose.accept(item.group(), label);
    }

    /** What choosing a group does (the composition root narrows the task list and switches to it). */
    public void setOnChoose(BiConsumer<FailureGroup, String> action) {
        this.onChoose = action;
    }

    public ObservableList<FailureItem> items() {
        return readOnlyItems;
    }

    public ReadOnlyIntegerProperty groupCountProperty() {
        return groupCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "37 failed tasks in 5 groups · 12 in the last 30 days"; empty when nothing failed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        relay.unsubscribe(listener);
        latest.invalidate();
    }
}
