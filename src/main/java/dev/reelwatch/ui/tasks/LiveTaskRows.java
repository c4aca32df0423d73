package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The rows fed by the store: the first page, then the whole cache (read as a stream into compact rows off the FX
 * thread), then every store change — collected while a read is pending so a burst of writes costs one read —
 * applied as one list change per read, with running counts. Only the store's change events move it.
 *
 * <p>While a sync pours pages in, each applied read makes the table lay out and repaint every visible row; with
 * {@link #paceChanges} the next read waits for a short pause after each applied one, so a burst of pages
 * reaches the table a few times a second rather than once per page. A change in a quiet moment still shows at once.
 */
public final class LiveTaskRows implements AutoCloseable {
    /** How many of the newest rows the first load shows before the rest of the cache is read. */
    static final int FIRST_PAGE = 500;

    /** Told around each change of the rows, on the UI thread: views keep their selection and scroll position. */
    public interface ChangeListener {
        /** Before the rows change; {@code changed} holds [before, after] pairs (before null: a new row). */
        default void beforeChange(List<TaskRow[]> changed) {
        }

        /** After the rows changed and the counts were updated. */
        default void afterChange() {
        }
    }

    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final Consumer<TaskChange> storeListener = this::onStoreChange;
    private final TaskExecutor reads;
    private final SortedTaskRows sorted = new SortedTaskRows();
    private final ObservableList<TaskRow> readOnly = FXCollections.unmodifiableObservableList(sorted);
    private RowIndex byId = new RowIndex(16);
    private RowTally tally = new RowTally();
    /** The order a background load sorts in; set on the UI thread. */
    private volatile Comparator<TaskRow> loadOrder = SortedTaskRows.NEWEST_FIRST;
    private final ObjectProperty<Comparator<? super TaskRow>> comparator =
            new SimpleObjectProperty<>(this, "comparator");

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount", 0);
    private final ReadOnlyIntegerWrapper starredCount = new ReadOnlyIntegerWrapper(this, "starredCount", 0);
    private final Map<StatusGroup, ReadOnlyIntegerWrapper> groupCounts = new EnumMap<>(StatusGroup.class);
    private final ObservableList<TagCount> tagCounts = FXCollections.observableArrayList();
    private final ObservableMap<Long, Integer> accountCounts = FXCollections.observableHashMap();
    private final ObservableMap<Long, Integer> readOnlyAccountCounts =
            FXCollections.unmodifiableObservableMap(accountCounts);
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<ProviderKind> providers = FXCollections.observableArrayList();

    private final List<ChangeListener> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<StatusTransition>>> transitionListeners = new CopyOnWriteArrayList<>();
    private final PendingChanges pending = new PendingChanges();
    /** Runs a command on the UI thread once the pause after an applied read is over; inline: no pause. */
    private Executor afterApply = Runnable::run;
    /** The last read changed the rows (so the table repaints): the next one waits for the pause. */
    private boolean applied;
    private boolean closed;
    private boolean restWaitsForPaint;
    private boolean painted;
    private boolean restPending;
    /** The first page once read, until it is shown (set by the reading thread). */
    private volatile Snapshot firstPage;
    private boolean firstPageShown;

    public LiveTaskRows(TaskStore store, StoreChangeRelay relay, TaskExecutor executor) {
        this.store = store;
        this.relay = relay;
        this.reads = executor.serial();
        for (StatusGroup g : StatusGroup.values()) {
            groupCounts.put(g, new ReadOnlyIntegerWrapper(this, g.name(), 0));
        }
        comparator.addListener((o, was, now) -> {
            Comparator<TaskRow> order = SortedTaskRows.totalOrder(now);
            loadOrder = order;
            sorted.setOrder(order);
        });
        relay.subscribe(storeListener);
    }

    /** Stops following the store: no more reads are queued once the window is gone. */
    @Override
    public void close() {
        closed = true;
        relay.unsubscribe(storeListener);
    }

    // ---- loading -------------------------------------------------------------------------------------

    /** A full read: compact rows, their index and counts, built off the UI thread. */
    private record Snapshot(List<TaskRow> rows, RowIndex index, RowTally tally, Comparator<TaskRow> order,
                            RowColumns columns) {
    }

    /**
     * Reads the newest {@link #FIRST_PAGE} rows and shows them, then streams the whole cache into compact rows
     * and replaces them in one change: a large cache paints at once.
     */
    public void load() {
        boolean first = !loaded.get() && sorted.isEmpty();
        if (!first) {
            readAll();
            return;
        }
        BackgroundTask.wrap(() -> {
                    Snapshot s = snapshot(new TaskQuery(Set.of(), null, null, FIRST_PAGE, 0, false));
                    firstPage = s;
                    return s;
                })
                .describedAs("Loading the task list")
                .onSuccess(this::showFirstPage)
                .onFailure(e -> readAll())
                .executeWith(reads);
    }

    /**
     * Shows the first page now if it has been read and is not shown yet; on the UI thread, never waiting. The
     * window asks just before it first shows: the page is read while the window is built, and its result would
     * otherwise wait in the UI thread's queue behind the window's first frame, which would then be painted with an
     * empty table and styled, laid out and painted again with the rows.
     */
    public void showFirstPageIfRead() {
        Snapshot s = firstPage;
        if (s != null) {
            showFirstPage(s);
        }
    }

    private void showFirstPage(Snapshot s) {
        if (firstPageShown) {
            return;
        }
        firstPageShown = true;
        firstPage = null;
        boolean whole = s.rows().size() < FIRST_PAGE;
        if (!loaded.get()) {
            install(s, whole);
        }
        if (!whole) {
            readRestWhenPainted();
        }
    }

    /**
     * Asks that the rest of the cache be read only once a view says the first page is on screen
     * ({@link #painted()}): on two cores, reading a million rows would otherwise take the CPU from the first
     * frame's CSS and layout. Without a view (tests, benchmarks) the rest follows the first page at once.
     */
    public void readRestAfterPaint() {
        restWaitsForPaint = true;
    }

    /** A view tells that the first page has been painted: the rest of the cache is read now, if it waits. */
    public void painted() {
        painted = true;
        if (restPending) {
            restPending = false;
            readAll();
        }
    }

    private void readRestWhenPainted() {
        if (restWaitsForPaint && !painted) {
            restPending = true;
        } else {
            readAll();
        }
    }

    private void readAll() {
        BackgroundTask.wrap(() -> snapshot(TaskQuery.all()))
                .describedAs("Loading the task list")
                .onSuccess(s -> install(s, true))
                .executeWith(reads);
    }

    private Snapshot snapshot(TaskQuery query) {
        Comparator<TaskRow> order = loadOrder;
        List<TaskRow> rows = new ArrayList<>();
        RowTally counts = new RowTally();
        store.forEachSummary(query, s -> {
            TaskRow r = TaskRow.of(s);
            rows.add(r);
            counts.add(r);
        });
        // The store lists newest first, which is the default order: then this sort only checks.
        rows.sort(order);
        RowIndex index = new RowIndex(rows.size());
        rows.forEach(index::put);
        // Sized as the sorted rows will size their array, so they can take these columns as they are.
        RowColumns columns = new RowColumns(Math.max(16, rows.size()));
        for (int i = 0; i < rows.size(); i++) {
            columns.set(i, rows.get(i));
        }
        return new Snapshot(rows, index, counts, order, columns);
    }

    private void install(Snapshot s, boolean whole) {
        if (closed) {
            return;
        }
        List<StatusTransition> transitions = new ArrayList<>();
        List<TaskRow[]> pairs = new ArrayList<>();
        if (loaded.get()) {
            for (TaskRow r : s.rows()) {
                TaskRow before = byId.get(r.id());
                if (before != null && before.status() != r.status()) {
                    transitions.add(new StatusTransition(before, r));
                }
            }
        }
        List<TaskRow> rows = s.rows();
        RowColumns columns = s.columns();
        if (s.order() != sorted.order()) {
            rows = new ArrayList<>(rows);
            rows.sort(sorted.order());
            columns = null;
        }
        changeListeners.forEach(l -> l.beforeChange(pairs));
        byId = s.index();
        tally = s.tally();
        sorted.replaceAll(rows, columns);
        publishCounts();
        if (whole) {
            loaded.set(true);
        }
        changeListeners.forEach(ChangeListener::afterChange);
        tellTransitions(transitions);
    }

    // ---- store changes -------------------------------------------------------------------------------

    /** What a read of changed tasks found: fresh rows, and ids no longer in the cache. */
    private record Changes(List<TaskRow> fresh, Set<Long> gone) {
    }

    /**
     * Makes each applied read of store changes wait for {@code afterPause} (a command run on the UI thread once
     * a pause is over) before the next read: the app's pause is a few hundred milliseconds.
     */
    public void paceChanges(Executor afterPause) {
        this.afterApply = afterPause;
    }

    private void onStoreChange(TaskChange change) {
        synchronized (pending) {
            for (Long id : change.changed()) {
                pending.removed.remove(id);
                pending.changed.add(id);
            }
            for (Long id : change.removed()) {
                pending.changed.remove(id);
                pending.removed.add(id);
            }
            if (pending.busy) {
                return;
            }
            pending.busy = true;
        }
        readChanges();
    }

    private void readChanges() {
        if (closed) {
            synchronized (pending) {
                pending.busy = false;
            }
            return;
        }
        BackgroundTask.wrap(this::readPendingChanges)
                .describedAs("Updating the task list")
                .onSuccess(this::applyChanges)
                .onFinished(this::afterRead)
                .executeWith(reads);
    }

    /** After a read (applied, empty or failed): the pause if the rows changed, then changes that came meanwhile. */
    private void afterRead() {
        if (applied) {
            applied = false;
            afterApply.execute(this::readWhatCameMeanwhile);
        } else {
            readWhatCameMeanwhile();
        }
    }

    private void readWhatCameMeanwhile() {
        synchronized (pending) {
            if (pending.changed.isEmpty() && pending.removed.isEmpty()) {
                pending.busy = false;
                return;
            }
        }
        readChanges();
    }

    private Changes readPendingChanges() {
        Set<Long> changed;
        Set<Long> gone;
        synchronized (pending) {
            changed = new LinkedHashSet<>(pending.changed);
            gone = new HashSet<>(pending.removed);
            pending.changed.clear();
            pending.removed.clear();
        }
        List<TaskRow> fresh = new ArrayList<>(changed.size());
        for (TaskSummary s : store.summariesOf(changed)) {
            fresh.add(TaskRow.of(s));
        }
        gone.addAll(changed);
        fresh.forEach(r -> gone.remove(r.id()));
        return new Changes(fresh, gone);
    }

    /** Store changes not read yet; guarded by itself. */
    private static final class PendingChanges {
        final Set<Long> changed = new LinkedHashSet<>();
        final Set<Long> removed = new LinkedHashSet<>();
        /** A read is queued or running, or the pause after one: changes meanwhile wait for it. */
        boolean busy;
    }

    /** The one place store changes enter the rows: one list change for the whole read. */
    private void applyChanges(Changes c) {
        if (closed) {
            return;
        }
        boolean baseline = loaded.get();
        List<TaskRow[]> pairs = new ArrayList<>();
        List<StatusTransition> transitions = new ArrayList<>();
        for (TaskRow r : c.fresh()) {
            TaskRow before = byId.get(r.id());
            if (before == null) {
                pairs.add(new TaskRow[] {null, r});
            } else if (!before.equals(r)) {
                pairs.add(new TaskRow[] {before, r});
                if (baseline && before.status() != r.status()) {
                    transitions.add(new StatusTransition(before, r));
                }
            }
        }
        List<TaskRow> removed = new ArrayList<>();
        for (Long id : c.gone()) {
            TaskRow r = byId.get(id);
            if (r != null) {
                removed.add(r);
            }
        }
        if (pairs.isEmpty() && removed.isEmpty()) {
            return;
        }
        changeListeners.forEach(l -> l.beforeChange(pairs));
        for (TaskRow r : removed) {
            tally.remove(byId.remove(r.id()));
        }
        for (TaskRow[] p : pairs) {
            if (p[0] != null) {
                tally.remove(p[0]);
            }
            byId.put(p[1]);
            tally.add(p[1]);
        }
        sorted.apply(pairs, removed);
        applied = true;
        publishCounts();
        changeListeners.forEach(ChangeListener::afterChange);
        tellTransitions(transitions);
    }

    private void tellTransitions(List<StatusTransition> transitions) {
        if (!transitions.isEmpty()) {
            List<StatusTransition> copy = List.copyOf(transitions);
            transitionListeners.forEach(l -> l.accept(copy));
        }
    }

    /** Copies the running tally into the observable counts; costs the number of distinct keys, not of rows. */
    private void publishCounts() {
        for (StatusGroup g : StatusGroup.values()) {
            groupCounts.get(g).set(tally.count(g));
        }
        totalCount.set(sorted.size());
        starredCount.set(tally.starred());
        List<TagCount> tagList = tally.tags();
        if (!tagCounts.equals(tagList)) {
            tagCounts.setAll(tagList);
        }
        Map<Long, Integer> perAccount = tally.accounts();
        accountCounts.keySet().retainAll(perAccount.keySet());
        perAccount.forEach((id, n) -> {
            if (!n.equals(accountCounts.get(id))) {
                accountCounts.put(id, n);
            }
        });
        List<String> modelNames = tally.models();
        if (!models.equals(modelNames)) {
            models.setAll(modelNames);
        }
        List<ProviderKind> kinds = tally.providers();
        if (!providers.equals(kinds)) {
            providers.setAll(kinds);
        }
    }

    /** Asks the list's observers (the filter) to look at this row again, e.g. when it stops being pinned. */
    void touch(TaskRow row) {
        sorted.touch(row);
    }

    // ---- access --------------------------------------------------------------------------------------

    /** Every row in the table's order, read-only. */
    public ObservableList<TaskRow> rows() {
        return readOnly;
    }

    /** The list the filter sits on (package-private: only this package may touch it). */
    SortedTaskRows source() {
        return sorted;
    }

    /** The table's sort (null: newest first); every order ends with the task id. */
    public ObjectProperty<Comparator<? super TaskRow>> comparatorProperty() {
        return comparator;
    }

    /** The row's index in {@link #rows()}, -1 when it is not there. */
    public int indexOf(TaskRow row) {
        int i = sorted.indexOf(row);
        return i >= 0 ? i : -1;
    }

    public TaskRow row(long id) {
        return byId.get(id);
    }

    public List<TaskRow> rowsFor(Collection<Long> ids) {
        List<TaskRow> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            TaskRow r = id == null ? null : byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    public void addChangeListener(ChangeListener listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(ChangeListener listener) {
        changeListeners.remove(listener);
    }

    /** Told, on the UI thread, which known tasks changed status in one store update (never on first load). */
    public void addTransitionListener(Consumer<List<StatusTransition>> listener) {
        transitionListeners.add(listener);
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty starredCountProperty() {
        return starredCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty(StatusGroup group) {
        return groupCounts.get(group).getReadOnlyProperty();
    }

    public ObservableList<TagCount> tagCounts() {
        return tagCounts;
    }

    public ObservableMap<Long, Integer> accountCounts() {
        return readOnlyAccountCounts;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<ProviderKind> providers() {
        return providers;
    }
}
