package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SerialExecutor;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The task table's state: every cached task as a light {@link TaskRow} in memory, filtered and sorted in
 * place, kept current from the store's change events, with live counts and the commands of the table.
 * Store reads run on the background executor; their results are applied on the UI executor in {@link #apply}.
 */
public final class TaskListViewModel implements AutoCloseable {
    /** The most changed rows one turn of the UI thread applies; a full load above this many replaces all rows. */
    static final int BULK_CHANGE = 500;
    static final String COLUMNS_KEY = "ui.tasks.columns";
    /** How many of the newest rows the first load shows before the rest of the cache is read. */
    static final int FIRST_PAGE = 500;

    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final Consumer<TaskChange> storeListener = this::onStoreChange;
    private final SyncService sync;
    private final SettingsWriter settings;
    private final Executor reads;
    private final Executor background;
    private final Executor ui;
    private final RelativeTime time;

    private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    // Sorted below the filter: a search only re-tests the predicate over rows already in order, never re-sorts.
    private final SortedList<TaskRow> sorted = new SortedList<>(rows);
    private final FilteredList<TaskRow> filtered = new FilteredList<>(sorted);
    private final ObservableList<TaskRow> readOnlyVisible = FXCollections.unmodifiableObservableList(filtered);
    private final Map<Long, TaskRow> byId = new HashMap<>();
    private final RowTally tally = new RowTally();

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableSet<TaskStatus> statuses = FXCollections.observableSet();
    private final ObjectProperty<SourceFilter> source = new SimpleObjectProperty<>(this, "source", SourceFilter.ALL);
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<DateRange> dateRange = new SimpleObjectProperty<>(this, "dateRange", DateRange.ANY);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final BooleanProperty starredOnly = new SimpleBooleanProperty(this, "starredOnly", false);
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(this, "tag");
    private final ReadOnlyIntegerWrapper starredCount = new ReadOnlyIntegerWrapper(this, "starredCount", 0);
    private final ObservableList<TagCount> tagCounts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TaskFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter");
    /** Issue 15: narrows the rows to a set of ids on top of the filter (a failure group); null: no such limit. */
    private final ReadOnlyObjectWrapper<TaskSubset> subset = new ReadOnlyObjectWrapper<>(this, "subset");

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount", 0);
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount", 0);
    private final Map<StatusGroup, ReadOnlyIntegerWrapper> groupCounts = new EnumMap<>(StatusGroup.class);
    private final ObservableMap<Long, Integer> accountCounts = FXCollections.observableHashMap();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<ProviderKind> providers = FXCollections.observableArrayList();

    private final ObservableList<Long> selectedIds = FXCollections.observableArrayList();
    private final ObservableList<Long> readOnlySelectedIds = FXCollections.unmodifiableObservableList(selectedIds);
    private final ObservableList<TaskRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableMap<Long, Integer> readOnlyAccountCounts =
            FXCollections.unmodifiableObservableMap(accountCounts);
    private boolean holdFilter;
    private final PendingChanges pending = new PendingChanges();
    /** Only touched by tasks of the serial {@link #reads} executor. */
    private boolean firstReadDone;
    private final ReadOnlyObjectWrapper<Long> selectedTaskId = new ReadOnlyObjectWrapper<>(this, "selectedTaskId");
    private final ReadOnlyObjectWrapper<List<Long>> restoreSelection = new ReadOnlyObjectWrapper<>(this, "restoreSelection");

    private final List<Consumer<List<StatusTransition>>> transitionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> problemListeners = new CopyOnWriteArrayList<>();

    public TaskListViewModel(TaskStore store, StoreChangeRelay relay, SyncService sync, SettingsWriter settings,
                             Executor background, Executor ui, RelativeTime time) {
        this.store = store;
        this.relay = relay;
        this.sync = sync;
        this.settings = settings;
        this.background = background;
        this.reads = new SerialExecutor(background);
        this.ui = ui;
        this.time = time;
        for (StatusGroup g : StatusGroup.values()) {
            groupCounts.put(g, new ReadOnlyIntegerWrapper(this, g.name(), 0));
        }
        Observable[] inputs = {searchText, statuses, source, model, dateRange, customFrom, customTo, starredOnly, tag};
        for (Observable o : inputs) {
            o.addListener(ignored -> refilter());
        }
        filtered.addListener((Observable ignored) -> visibleCount.set(filtered.size()));
        selectedIds.addListener((Observable ignored) ->
                selectedTaskId.set(selectedIds.isEmpty() ? null : selectedIds.get(selectedIds.size() - 1)));
        refilter();
        relay.subscribe(storeListener);
    }

    /** Stops following the store: no more reads are queued once the window is gone and its executor stops. */
    @Override
    public void close() {
        relay.unsubscribe(storeListener);
    }

    // ---- loading and store changes -------------------------------------------------------------------

    /**
     * Loads every cached task (as light summaries) in the background. The very first load shows the newest
     * {@link #FIRST_PAGE} rows as soon as they are read, so a large cache paints at once, then the whole cache.
     */
    public void reload() {
        reads.execute(() -> {
            if (!firstReadDone) {
                firstReadDone = true;
                List<TaskRow> page = rows(store.summaries(new TaskQuery(Set.of(), null, null, FIRST_PAGE, 0, false)));
                if (page.size() < FIRST_PAGE) {
                    ui.execute(() -> apply(page, Set.of(), true));
                    return;
                }
                ui.execute(() -> apply(page, Set.of(), false));
            }
            List<TaskRow> fresh = rows(store.summaries(TaskQuery.all()));
            ui.execute(() -> apply(fresh, Set.of(), true));
        });
    }

    private static List<TaskRow> rows(List<TaskSummary> summaries) {
        List<TaskRow> out = new ArrayList<>(summaries.size());
        for (TaskSummary s : summaries) {
            out.add(TaskRow.of(s));
        }
        return out;
    }

    /**
     * Collects changed ids until the read for them runs, so a burst of store writes (a sync pouring in pages,
     * the archiver updating outputs) costs one read and one update of the table, not one per write.
     */
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
            if (pending.readQueued) {
                return;
            }
            pending.readQueued = true;
        }
        reads.execute(this::readPendingChanges);
    }

    private void readPendingChanges() {
        Set<Long> changed;
        Set<Long> removed;
        synchronized (pending) {
            changed = new LinkedHashSet<>(pending.changed);
            removed = new HashSet<>(pending.removed);
            pending.changed.clear();
            pending.removed.clear();
            pending.readQueued = false;
        }
        List<TaskRow> fresh = rows(store.summariesOf(changed));
        Set<Long> gone = new HashSet<>(removed);
        gone.addAll(changed);
        fresh.forEach(r -> gone.remove(r.id()));
        // A sync pouring in thousands of rows reaches the table in slices, each its own short turn of the
        // UI thread, never as one reload that re-sorts the whole cache in one go.
        // Oldest slice first: each goes in at the top, so the newest rows end up first as in one update.
        int last = (fresh.size() - 1) / BULK_CHANGE * BULK_CHANGE;
        for (int from = last; from >= BULK_CHANGE; from -= BULK_CHANGE) {
            List<TaskRow> slice = List.copyOf(fresh.subList(from, Math.min(fresh.size(), from + BULK_CHANGE)));
            ui.execute(() -> apply(slice, Set.of(), false));
        }
        List<TaskRow> first = List.copyOf(fresh.subList(0, Math.min(fresh.size(), BULK_CHANGE)));
        ui.execute(() -> apply(first, gone, false));
    }

    /** Store changes not read yet; guarded by itself. */
    private static final class PendingChanges {
        final Set<Long> changed = new LinkedHashSet<>();
        final Set<Long> removed = new LinkedHashSet<>();
        boolean readQueued;
    }

    /** The one place store results enter the UI state. {@code full}: {@code fresh} is the whole cache. */
    private void apply(List<TaskRow> fresh, Set<Long> removedIds, boolean full) {
        boolean baseline = loaded.get();
        List<Long> selectionBefore = List.copyOf(selectedIds);
        Map<Long, TaskRow> incoming = new LinkedHashMap<>();
        for (TaskRow r : fresh) {
            incoming.put(r.id(), r);
        }
        Set<Long> removed = new HashSet<>(removedIds);
        if (full) {
            for (Long id : byId.keySet()) {
                if (!incoming.containsKey(id)) {
                    removed.add(id);
                }
            }
        }
        List<StatusTransition> transitions = new ArrayList<>();
        List<TaskRow> added = new ArrayList<>();
        for (TaskRow r : incoming.values()) {
            TaskRow before = byId.get(r.id());
            if (before == null) {
                added.add(r);
            } else if (baseline && before.status() != r.status()) {
                transitions.add(new StatusTransition(before, r));
            }
        }
        removed.retainAll(byId.keySet());
        boolean anyChanged = incoming.size() > added.size();
        if (full && (rows.isEmpty() || incoming.size() > BULK_CHANGE)) {
            rows.setAll(fresh);
        } else {
            if (!removed.isEmpty()) {
                rows.removeIf(r -> removed.contains(r.id()));
            }
            // Walk the rows only when a known row changed; new rows alone go straight in at the top.
            for (int i = 0; anyChanged && i < rows.size(); i++) {
                TaskRow now = incoming.get(rows.get(i).id());
                if (now != null && !now.equals(rows.get(i))) {
                    rows.set(i, now);
                }
            }
            if (!added.isEmpty()) {
                rows.addAll(0, added);
            }
        }
        for (Long id : removed) {
            tally.remove(byId.remove(id));
        }
        for (TaskRow r : incoming.values()) {
            TaskRow before = byId.put(r.id(), r);
            if (before != null) {
                tally.remove(before);
            }
            tally.add(r);
        }
        publishCounts();
        if (full) {
            loaded.set(true);
        }
        List<Long> wanted = selectionBefore.stream().filter(id -> !removed.contains(id)).toList();
        if (!wanted.equals(selectedIds)) {
            restoreSelection.set(new ArrayList<>(wanted));
        }
        if (!transitions.isEmpty()) {
            for (Consumer<List<StatusTransition>> l : transitionListeners) {
                l.accept(List.copyOf(transitions));
            }
        }
    }

    /** Copies the running tally into the observable counts; costs the number of distinct keys, not of rows. */
    private void publishCounts() {
        for (StatusGroup g : StatusGroup.values()) {
            groupCounts.get(g).set(tally.count(g));
        }
        totalCount.set(rows.size());
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

    // ---- filtering -----------------------------------------------------------------------------------

    private void refilter() {
        if (holdFilter) {
            return;
        }
        LocalDate today = LocalDate.now(time.clock());
        LocalDate from;
        LocalDate to;
        switch (dateRange.get() == null ? DateRange.ANY : dateRange.get()) {
            case TODAY -> { from = today; to = today; }
            case LAST_7_DAYS -> { from = today.minusDays(6); to = null; }
            case LAST_30_DAYS -> { from = today.minusDays(29); to = null; }
            case CUSTOM -> { from = customFrom.get(); to = customTo.get(); }
            default -> { from = null; to = null; }
        }
        TaskFilter f = new TaskFilter(Set.copyOf(statuses), source.get(), model.get(), from, to, searchText.get(),
                time.zone(), starredOnly.get(), tag.get());
        filter.set(f);
        TaskSubset only = subset.get();
        java.util.function.Predicate<TaskRow> byFilter = f.isEmpty() ? null : f.toPredicate();
        java.util.function.Predicate<TaskRow> byId = only == null ? null : row -> only.ids().contains(row.id());
        filtered.setPredicate(byId == null ? byFilter : byFilter == null ? byId : byId.and(byFilter));
        visibleCount.set(filtered.size());
    }

    /** Shows every task again. */
    public void clearFilters() {
        holdFilter = true;
        searchText.set("");
        statuses.clear();
        source.set(SourceFilter.ALL);
        model.set(null);
        dateRange.set(DateRange.ANY);
        customFrom.set(null);
        customTo.set(null);
        starredOnly.set(false);
        tag.set(null);
        subset.set(null);
        holdFilter = false;
        refilter();
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
        if (!statuses.equals(Set.copyOf(wanted))) {
            holdFilter = true;
            statuses.retainAll(wanted);
            statuses.addAll(wanted);
            holdFilter = false;
            refilter();
        }
    }

    /** Narrows to the library's own marks in one step: starred only and/or one tag (null: any). */
    public void showLibrary(boolean onlyStarred, String wantedTag) {
        holdFilter = true;
        starredOnly.set(onlyStarred);
        tag.set(wantedTag);
        holdFilter = false;
        refilter();
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
        background.execute(() -> {
            try {
                copy.forEach(id -> store.setStarred(id, starred));
            } catch (RuntimeException e) {
                report(e);
            }
        });
    }

    /** Adds the tag to every one of the tasks (a blank tag does nothing). */
    public void addTag(List<Long> ids, String newTag) {
        if (newTag == null || newTag.isBlank()) {
            return;
        }
        List<Long> copy = List.copyOf(ids);
        background.execute(() -> {
            try {
                copy.forEach(id -> store.addTag(id, newTag));
            } catch (RuntimeException e) {
                report(e);
            }
        });
    }

    public void removeTag(List<Long> ids, String oldTag) {
        List<Long> copy = List.copyOf(ids);
        background.execute(() -> {
            try {
                copy.forEach(id -> store.removeTag(id, oldTag));
            } catch (RuntimeException e) {
                report(e);
            }
        });
    }

    /** Removes tasks from local history only; the provider keeps them. */
    public void removeFromHistory(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        background.execute(() -> {
            try {
                store.removeFromHistory(copy);
            } catch (RuntimeException e) {
                report(e);
            }
        });
    }

    /** Asks the provider about these tasks now. */
    public void refreshTasks(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        background.execute(() -> copy.forEach(sync::refreshTask));
    }

    /** Deletes the tasks and their files on their server, one by one; failures are reported, the rest go on. */
    public void deleteOnServer(List<Long> ids, ServerTaskDeleter deleter) {
        List<Long> copy = List.copyOf(ids);
        background.execute(() -> {
            for (Long id : copy) {
                try {
                    deleter.deleteOnServer(id);
                    sync.refreshTask(id);
                } catch (Exception e) {
                    report(e);
                }
            }
        });
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

    /** The video URLs of the tasks that have one, one a line. */
    public String urlsText(List<Long> ids) {
        return rowsFor(ids).stream().map(TaskRow::videoUrl).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }

    public List<TaskRow> rowsFor(List<Long> ids) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public Optional<TaskRow> row(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    private void report(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> problemListeners.forEach(l -> l.accept(message)));
    }

    // ---- selection -----------------------------------------------------------------------------------

    /** Called by the view when the table's selection changes; the last id is the focused task. */
    public void selectionChanged(List<Long> ids) {
        if (!selectedIds.equals(ids)) {
            selectedIds.setAll(ids);
        }
    }

    // ---- column layout -------------------------------------------------------------------------------

    public Optional<ColumnLayout> savedColumnLayout() {
        return settings.store().get(COLUMNS_KEY).flatMap(ColumnLayout::decode);
    }

    public void saveColumnLayout(ColumnLayout layout) {
        settings.put(COLUMNS_KEY, layout.encode());
    }

    // ---- listeners and properties --------------------------------------------------------------------

    /** Told, on the UI executor, which known tasks changed status in one store update (never on first load). */
    public void addTransitionListener(Consumer<List<StatusTransition>> listener) {
        transitionListeners.add(listener);
    }

    /** Told, on the UI executor, when a command failed; the text is for a person. */
    public void addProblemListener(Consumer<String> listener) {
        problemListeners.add(listener);
    }

    /** The rows the table shows: every row sorted by {@link #comparatorProperty()}, then filtered. */
    public ObservableList<TaskRow> visibleRows() {
        return readOnlyVisible;
    }

    /** The order of {@link #visibleRows()}; the table binds it to its own comparator (null: newest first). */
    public ObjectProperty<Comparator<? super TaskRow>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    public ObservableList<TaskRow> allRows() {
        return readOnlyRows;
    }

    public RelativeTime time() {
        return time;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableSet<TaskStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<SourceFilter> sourceProperty() {
        return source;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<DateRange> dateRangeProperty() {
        return dateRange;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public BooleanProperty starredOnlyProperty() {
        return starredOnly;
    }

    /** The tag the list is narrowed to; null shows every tag. */
    public ObjectProperty<String> tagProperty() {
        return tag;
    }

    public ReadOnlyIntegerProperty starredCountProperty() {
        return starredCount.getReadOnlyProperty();
    }

    /** Every tag on a cached task with its count, alphabetical. */
    public ObservableList<TagCount> tagCounts() {
        return tagCounts;
    }

    public ReadOnlyObjectProperty<TaskFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty(StatusGroup group) {
        return groupCounts.get(group).getReadOnlyProperty();
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

    public ObservableList<Long> selectedIds() {
        return readOnlySelectedIds;
    }

    public ReadOnlyObjectProperty<Long> selectedTaskIdProperty() {
        return selectedTaskId.getReadOnlyProperty();
    }

    /** Set after an update when the table's selection should be put back to these ids. */
    public ReadOnlyObjectProperty<List<Long>> restoreSelectionProperty() {
        return restoreSelection.getReadOnlyProperty();
    }
}
