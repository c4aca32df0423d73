package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.ui.common.RelativeTime;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the task list is narrowed by: the filter properties the filter bar and sidebar bind to, the compiled
 * {@link TaskFilter} (one per change, never per row) and the words that describe it to a person.
 */
public final class TaskFilterModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");

    private final RelativeTime time;
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableSet<TaskStatus> statuses = FXCollections.observableSet();
    private final ObjectProperty<SourceFilter> source = new SimpleObjectProperty<>(this, "source", SourceFilter.ALL);
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<DateRange> dateRange = new SimpleObjectProperty<>(this, "dateRange", DateRange.ANY);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final BooleanProperty starredOnly = new SimpleBooleanProperty(this, "starredOnly", false);
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(this, "tag");
    private final ReadOnlyObjectWrapper<TaskFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter");
    private Predicate<TaskRow> predicate;
    private boolean holding;

    public TaskFilterModel(RelativeTime time) {
        this.time = time;
        Observable[] inputs = {searchText, statuses, source, model, dateRange, customFrom, customTo, starredOnly, tag};
        for (Observable o : inputs) {
            o.addListener(ignored -> compile());
        }
        compile();
    }

    private void compile() {
        if (holding) {
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
        // The filter bar sets its inputs again whenever its choices are rebuilt (an account's health changed):
        // the same filter again must not refilter every row and drop the kept selection. The first compile has
        // nothing to compare with, and skips the record's first equals (~17 ms of method-handle set-up at start).
        if (filter.get() != null && f.equals(filter.get())) {
            return;
        }
        predicate = f.isEmpty() ? null : f.toPredicate();
        filter.set(f);
    }

    /** The compiled filter; null when nothing is filtered (every row shows). */
    public Predicate<TaskRow> predicate() {
        return predicate;
    }

    /** Whether the row passes the filter as it is now. */
    public boolean test(TaskRow row) {
        return predicate == null || predicate.test(row);
    }

    /** Changes several inputs and compiles once at the end. */
    private void batch(Runnable changes) {
        holding = true;
        try {
            changes.run();
        } finally {
            holding = false;
        }
        compile();
    }

    /** Shows every task again. */
    public void clear() {
        batch(() -> {
            searchText.set("");
            statuses.clear();
            source.set(SourceFilter.ALL);
            model.set(null);
            dateRange.set(DateRange.ANY);
            customFrom.set(null);
            customTo.set(null);
            starredOnly.set(false);
            tag.set(null);
        });
    }

    /** Replaces the status filter in one step. */
    public void showStatuses(Collection<TaskStatus> wanted) {
        if (!statuses.equals(Set.copyOf(wanted))) {
            batch(() -> {
                statuses.retainAll(wanted);
                statuses.addAll(wanted);
            });
        }
    }

    /** Narrows to the library's own marks in one step: starred only and/or one tag (null: any). */
    public void showLibrary(boolean onlyStarred, String wantedTag) {
        batch(() -> {
            starredOnly.set(onlyStarred);
            tag.set(wantedTag);
        });
    }

    /** "“boat” · Running, Queued · veo-3": what the active filter narrows by, for the empty state. */
    public static String describe(TaskFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.search().isEmpty()) {
            parts.add("“" + f.search() + "”");
        }
        if (!f.statuses().isEmpty()) {
            parts.add(String.join(", ", f.statuses().stream().sorted()
                    .map(s -> TEXT.getString("status." + s.wireName())).toList()));
        }
        if (!f.source().isAll()) {
            parts.add(f.source().label());
        }
        if (f.model() != null) {
            parts.add(f.model());
        }
        if (f.from() != null || f.to() != null) {
            parts.add(TEXT.getString("empty.filtered.dates"));
        }
        if (f.starredOnly()) {
            parts.add(TEXT.getString("column.star"));
        }
        if (f.tag() != null) {
            parts.add("#" + f.tag());
        }
        return parts.isEmpty() ? TEXT.getString("empty.filtered.filter") : String.join(" · ", parts);
    }

    /** {@link #describe} of the filter now. */
    public String description() {
        return describe(filter.get());
    }

    public ReadOnlyObjectProperty<TaskFilter> filterProperty() {
        return filter.getReadOnlyProperty();
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

    public ObjectProperty<String> tagProperty() {
        return tag;
    }
}
