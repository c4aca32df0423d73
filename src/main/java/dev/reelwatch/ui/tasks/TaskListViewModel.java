package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The task table's selection and commands, over {@link LiveTaskRows} (the rows the store feeds) filtered by a
 * {@link TaskFilterModel}. A selected task that stops matching the filter because the store changed it (a
 * running task that succeeds while "Running" is shown) stays in the list until the user selects something else.
 */
public final class TaskListViewModel implements AutoCloseable {
    static final String COLUMNS_KEY = "ui.tasks.columns";
    /** How many of the newest rows the first load shows before the rest of the cache is read. */
    static final int FIRST_PAGE = LiveTaskRows.FIRST_PAGE;

    private final TaskStore store;
    private final SyncService sync;
    private final SettingsWriter settings;
    private final TaskExecutor executor;
    private final RelativeTime time;
    private final LiveTaskRows rows;
    private final TaskFilterModel filters;
    private final FilteredTaskRows filtered;
    private final List<LiveTaskRows.ChangeListener> refilterListeners = new ArrayList<>();
    /** Issue 15: narrows the rows to a set of ids on top of the filter (a failure group); null: no such limit. */
    private final ReadOnlyObjectWrapper<TaskSubset> subset = new ReadOnlyObjectWrapper<>(this, "subset");
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount", 0);
    /** Selected tasks kept in the list although the filter no longer matches them. */
    private final Set<Long> pinned = new HashSet<>();

    private final ObservableList<Long> selectedIds = FXCollections.observableArrayList();
    private final ObservableList<Long> readOnlySelectedIds = FXCollections.unmodifiableObservableList(selectedIds);
    private final ReadOnlyObjectWrapper<Long> selectedTaskId = new ReadOnlyObjectWrapper<>(this, "selectedTaskId");
    private final ReadOnlyObjectWrapper<List<Long>> restoreSelection =
            new ReadOnlyObjectWrapper<>(this, "restoreSelection");
    private final List<Consumer<String>> problemListeners = new CopyOnWriteArrayList<>();

    /** With plain executors: background work on {@code background}, results through {@code ui}. */
    public TaskListViewModel(TaskStore store, StoreChangeRelay relay, SyncService sync, SettingsWriter settings,
                             Executor background, Executor ui, RelativeTime time) {
        this(store, relay, sync, settings, null, background, ui, time);
    }

    /** With the app's task executor (failures it is not told about go to its problem reporter). */
    public TaskListViewModel(TaskStore store, StoreChangeRelay relay, SyncService sync, SettingsWriter settings,
                             TaskExecutor executor, RelativeTime time) {
        this(store, relay, sync, settings, executor, null, null, time);
    }

    private TaskListViewModel(TaskStore store, StoreChangeRelay relay, SyncService sync, SettingsWriter settings,
                              TaskExecutor executor, Executor background, Executor ui, RelativeTime time) {
        this.store = store;
        this.sync = sync;
        this.settings = settings;
        this.executor = executor != null ? executor
                : TaskExecutor.handOff(background, ui, (what, failure) -> report(failure));
        this.time = time;
        this.rows = new LiveTaskRows(store, relay, this.executor);
        this.filters = new TaskFilterModel(time);
        this.filtered = new FilteredTaskRows(rows.source());
        filters.filterProperty().addListener((Observable o) -> refilter());
        filtered.addListener((Observable ignored) -> visibleCount.set(filtered.size()));
        selectedIds.addListener((Observable ignored) ->
                selectedTaskId.set(selectedIds.isEmpty() ? null : selectedIds.get(selectedIds.size() - 1)));
        rows.addChangeListener(new LiveTaskRows.ChangeListener() {
            private List<Long> selectionBefore = List.of();

            @Override
            public void beforeChange(List<TaskRow[]> changed) {
                selectionBefore = List.copyOf(selectedIds);
                pinSelectedRowsThatStopMatching(changed);
            }

            @Override
            public void afterChange() {
                List<Long> wanted = selectionBefore.stream().filter(id -> rows.row(id) != null).toList();
                pinned.removeIf(id -> rows.row(id) == null);
                if (!wanted.equals(selectedIds)) {
                    selectedIds.setAll(wanted);
                }
                restoreSelection.set(new ArrayList<>(wanted));
            }
        });
        refilter();
    }

    /** Stops following the store. */
    @Override
    public void close() {
        rows.close();
    }

    /** Loads the first page, then the whole cache, in the background. */
    public void reload() {
        rows.load();
    }

    // ---- filtering and pinning -------------------------------------------------------------------------

    private void refilter() {
        // An explicit filter change is the user moving on: nothing stays pinned.
        pinned.clear();
        // Reading the filter validates it again, so the next change is told too.
        filters.filterProperty().get();
        Predicate<TaskRow> byFilter = filters.predicate();
        TaskSubset only = subset.get();
        Predicate<TaskRow> byId = only == null ? null : row -> only.ids().contains(row.id());
        Predicate<TaskRow> p = byId == null ? byFilter : byFilter == null ? byId : byId.and(byFilter);
        // The key lets the list narrow from the rows shown, or go back to a result it remembers.
        FilterKey key = new FilterKey(filters.filterProperty().get(), only);
        for (LiveTaskRows.ChangeListener l : refilterListeners) {
            l.beforeChange(List.of());
        }
        filtered.setFilter(key, p == null ? null
                : row -> p.test(row) || !pinned.isEmpty() && pinned.contains(row.id()));
        visibleCount.set(filtered.size());
        for (LiveTaskRows.ChangeListener l : refilterListeners) {
            l.afterChange();
        }
    }

    /**
     * Told before and after each refilter (with no changed rows), as {@link LiveTaskRows} tells of store
     * changes: a view keeps its selection by task id through both.
     */
    public void addRefilterListener(LiveTaskRows.ChangeListener listener) {
        refilterListeners.add(listener);
    }

    private void pinSelectedRowsThatStopMatching(List<TaskRow[]> changed) {
        if (filters.predicate() == null || selectedIds.isEmpty()) {
            return;
        }
        for (TaskRow[] pair : changed) {
            TaskRow before = pair[0];
            if (before != null && selectedIds.contains(before.id()) && !filters.test(pair[1])
                    && (filters.test(before) || pinned.contains(before.id()))) {
                pinned.add(before.id());
            }
        }
    }

    /** Whether the row shows only because it is selected and pinned (the view may dim it). */
    public boolean isPinned(long id) {
        return pinned.contains(id);
    }

    /** Shows every task again. */
    public void clearFilters() {
        subset.set(null);
        filters.clear();
    }

    /** Issue 15: shows only these tasks (within the other filters); null shows all again. */
    public void restrictTo(TaskSubset only) {
        if (!Objects.equals(subset.get(), only)) {
            subset.set(only);
            refilter();
        }
    }

    public ReadOnlyObjectProperty<TaskSubset> subsetProperty() {
        return subset.getReadOnlyProperty();
    }

    /** Replaces the status filter in one step (one refilter rather than one per status). */
    public void showStatuses(Collection<TaskStatus> wanted) {
        filters.showStatuses(wanted);
    }

    /** Narrows to the library's own marks in one step: starred only and/or one tag (null: any). */
    public void showLibrary(boolean onlyStarred, String wantedTag) {
        filters.showLibrary(onlyStarred, wantedTag);
    }

    // ---- selection -----------------------------------------------------------------------------------

    /**
     * Called by the views when the user's selection changes; the last id is the focused task. Rows that were
     * pinned and are no longer selected leave the list now, if the filter does not match them.
     */
    public void selectionChanged(List<Long> ids) {
        if (!selectedIds.equals(ids)) {
            selectedIds.setAll(ids);
        }
        if (!pinned.isEmpty()) {
            List<Long> released = pinned.stream().filter(id -> !ids.contains(id)).toList();
            for (Long id : released) {
                pinned.remove(id);
                TaskRow r = rows.row(id);
                if (r != null && !filters.test(r)) {
                    rows.touch(r);
                }
            }
        }
    }

    // ---- commands ------------------------------------------------------------------------------------

    /** Stars the tasks, or takes the star away when every one of them is starred already. */
    public void toggleStar(List<Long> ids) {
        List<TaskRow> picked = rowsFor(ids);
        if (!picked.isEmpty()) {
            setStarred(ids, !picked.stream().allMatch(TaskRow::starred));
        }
    }

    public void setStarred(List<Long> ids, boolean starred) {
        List<Long> copy = List.copyOf(ids);
        run("Starring tasks", () -> copy.forEach(id -> store.setStarred(id, starred)));
    }

    /** Adds the tag to every one of the tasks (a blank tag does nothing). */
    public void addTag(List<Long> ids, String newTag) {
        if (newTag == null || newTag.isBlank()) {
            return;
        }
        List<Long> copy = List.copyOf(ids);
        String t = newTag.strip();
        run("Tagging tasks", () -> copy.forEach(id -> store.addTag(id, t)));
    }

    public void removeTag(List<Long> ids, String oldTag) {
        List<Long> copy = List.copyOf(ids);
        run("Removing a tag", () -> copy.forEach(id -> store.removeTag(id, oldTag)));
    }

    /** Removes tasks from local history only; the provider keeps them. */
    public void removeFromHistory(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        run("Removing tasks from history", () -> store.removeFromHistory(copy));
    }

    /** Asks the provider about these tasks now. */
    public void refreshTasks(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        run("Refreshing tasks", () -> copy.forEach(sync::refreshTask));
    }

    /** Deletes the tasks and their files on their server, one by one; failures are reported, the rest go on. */
    public void deleteOnServer(List<Long> ids, ServerTaskDeleter deleter) {
        List<Long> copy = List.copyOf(ids);
        BackgroundTask.wrap(() -> {
            List<Exception> failures = new ArrayList<>();
            for (Long id : copy) {
                try {
                    deleter.deleteOnServer(id);
                    sync.refreshTask(id);
                } catch (Exception e) {
                    failures.add(e);
                }
            }
            return failures;
        }).describedAs("Deleting tasks on the server")
                .onSuccess(failures -> failures.forEach(this::report))
                .executeWith(executor);
    }

    private void run(String what, BackgroundTask.Action action) {
        BackgroundTask.wrap(action).describedAs(what).onFailure(this::report).executeWith(executor);
    }

    /** Whether every task can be deleted on its server: MoneyPrinterTurbo tasks the server has and is not running. */
    public boolean canDeleteOnServer(List<Long> ids) {
        List<TaskRow> picked = rowsFor(ids);
        return !picked.isEmpty() && picked.stream()
                .allMatch(r -> r.provider() == ProviderKind.MONEYPRINTERTURBO && r.onProvider() && r.status() != TaskStatus.RUNNING);
    }

    /** The provider task ids, one a line, for the clipboard. */
    public String idsText(List<Long> ids) {
        return rowsFor(ids).stream().map(TaskRow::providerTaskId).collect(Collectors.joining("\n"));
    }

    /**
     * Reads the video URLs of the tasks that have one (rows do not keep them) and hands them, one a line, to
     * {@code whenRead} on the UI thread.
     */
    public void videoUrls(List<Long> ids, Consumer<String> whenRead) {
        List<Long> copy = List.copyOf(ids);
        BackgroundTask.wrap(() -> copy.stream().map(store::byId).flatMap(Optional::stream)
                        .map(t -> t.task().primaryVideo().map(TaskOutput::url).orElse(null))
                        .filter(Objects::nonNull).collect(Collectors.joining("\n")))
                .describedAs("Reading video links")
                .onSuccess(whenRead)
                .executeWith(executor);
    }

    /** Where the task is in {@link #visibleRows()}, by binary search; -1 when it is not shown. */
    public int visibleIndexOf(long id) {
        TaskRow r = rows.row(id);
        int source = r == null ? -1 : rows.indexOf(r);
        return source < 0 ? -1 : filtered.viewIndexOf(source);
    }

    public List<TaskRow> rowsFor(List<Long> ids) {
        return rows.rowsFor(ids);
    }

    public Optional<TaskRow> row(long id) {
        return Optional.ofNullable(rows.row(id));
    }

    private void report(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        problemListeners.forEach(l -> l.accept(message));
    }

    // ---- column layout -------------------------------------------------------------------------------

    public Optional<ColumnLayout> savedColumnLayout() {
        return settings.store().get(COLUMNS_KEY).flatMap(ColumnLayout::decode);
    }

    public void saveColumnLayout(ColumnLayout layout) {
        settings.put(COLUMNS_KEY, layout.encode());
    }

    // ---- parts, listeners and properties -------------------------------------------------------------

    /** The rows the store feeds, in the table's order. */
    public LiveTaskRows rows() {
        return rows;
    }

    /** The filter inputs and their description. */
    public TaskFilterModel filters() {
        return filters;
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** Told, on the UI thread, which known tasks changed status in one store update (never on first load). */
    public void addTransitionListener(Consumer<List<StatusTransition>> listener) {
        rows.addTransitionListener(listener);
    }

    /** Told, on the UI thread, when a command failed; the text is for a person. */
    public void addProblemListener(Consumer<String> listener) {
        problemListeners.add(listener);
    }

    /** The rows the table shows: every row in the table's order, then filtered (pinned rows included). */
    public ObservableList<TaskRow> visibleRows() {
        // The filtered rows themselves, not an unmodifiable view of them: they refuse every change already, and
        // the view's adapter would sit between the table's four walks of each refilter and its runs.
        return filtered;
    }

    /** The order of {@link #visibleRows()}; the table binds it to its own comparator (null: newest first). */
    public ObjectProperty<Comparator<? super TaskRow>> comparatorProperty() {
        return rows.comparatorProperty();
    }

    public ObservableList<TaskRow> allRows() {
        return rows.rows();
    }

    public RelativeTime time() {
        return time;
    }

    public StringProperty searchTextProperty() {
        return filters.searchTextProperty();
    }

    public ObservableSet<TaskStatus> statuses() {
        return filters.statuses();
    }

    public ObjectProperty<SourceFilter> sourceProperty() {
        return filters.sourceProperty();
    }

    public ObjectProperty<String> modelProperty() {
        return filters.modelProperty();
    }

    public ObjectProperty<DateRange> dateRangeProperty() {
        return filters.dateRangeProperty();
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return filters.customFromProperty();
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return filters.customToProperty();
    }

    public BooleanProperty starredOnlyProperty() {
        return filters.starredOnlyProperty();
    }

    /** The tag the list is narrowed to; null shows every tag. */
    public ObjectProperty<String> tagProperty() {
        return filters.tagProperty();
    }

    public ReadOnlyIntegerProperty starredCountProperty() {
        return rows.starredCountProperty();
    }

    /** Every tag on a cached task with its count, alphabetical. */
    public ObservableList<TagCount> tagCounts() {
        return rows.tagCounts();
    }

    public ReadOnlyObjectProperty<TaskFilter> filterProperty() {
        return filters.filterProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return rows.loadedProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return rows.totalCountProperty();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty(StatusGroup group) {
        return rows.countProperty(group);
    }

    public ObservableMap<Long, Integer> accountCounts() {
        return rows.accountCounts();
    }

    public ObservableList<String> models() {
        return rows.models();
    }

    public ObservableList<ProviderKind> providers() {
        return rows.providers();
    }

    public ObservableList<Long> selectedIds() {
        return readOnlySelectedIds;
    }

    public ReadOnlyObjectProperty<Long> selectedTaskIdProperty() {
        return selectedTaskId.getReadOnlyProperty();
    }

    /** Set after every change of the rows: the table's selection should be put back to these ids. */
    public ReadOnlyObjectProperty<List<Long>> restoreSelectionProperty() {
        return restoreSelection.getReadOnlyProperty();
    }
}
