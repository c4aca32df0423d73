package dev.reelwatch.ui.library;

import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.TaskTags;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The star, tags and note of the selected task, editable: reads off the FX thread, writes through the store
 * (local only), and follows the store's change events without clobbering a note being typed.
 */
public final class TaskLibraryViewModel implements AutoCloseable {
    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final TaskExecutor executor;
    private final TaskExecutor writes;
    private final LatestRequest loads = new LatestRequest();
    private final Consumer<TaskChange> listener = this::storeChanged;

    private final ObjectProperty<Long> taskId = new SimpleObjectProperty<>(this, "taskId");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper starred = new ReadOnlyBooleanWrapper(this, "starred");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyTags = FXCollections.unmodifiableObservableList(tags);
    private final ObservableList<String> knownTags = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty savedNote = new SimpleStringProperty(this, "savedNote", "");
    private final BooleanBinding noteChanged = Bindings.createBooleanBinding(
            () -> !Objects.equals(note.get().strip(), savedNote.get()), note, savedNote);

    public TaskLibraryViewModel(TaskStore store, StoreChangeRelay relay, TaskExecutor executor) {
        this.store = store;
        this.relay = relay;
        this.executor = executor;
        // Star, tag and note writes land in the order they were made (a quick star/unstar ends unstarred).
        this.writes = executor.serial();
        taskId.addListener((o, was, now) -> {
            if (was != null && noteChanged.get()) {
                // Leaving a task keeps what was typed for it.
                writeNote(was, note.get());
            }
            load(now, true);
        });
        relay.subscribe(listener);
    }

    private void load(Long id, boolean replaceNote) {
        if (id == null) {
            loads.invalidate();
            apply(null, true);
            return;
        }
        BackgroundTask.wrap(() -> new Loaded(store.byId(id), new ArrayList<>(store.tagsWithCounts().keySet())))
                .describedAs("Reading the task's stars, tags and note")
                .latestOf(loads)
                .onSuccess(loaded -> {
                    if (Objects.equals(taskId.get(), id)) {
                        knownTags.setAll(loaded.knownTags());
                        apply(loaded.task().orElse(null), replaceNote);
                    }
                })
                .executeWith(executor);
    }

    private record Loaded(Optional<StoredTask> task, List<String> knownTags) {
    }

    private void write(String what, BackgroundTask.Action change) {
        BackgroundTask.wrap(change).describedAs(what).executeWith(writes);
    }

    private void apply(StoredTask task, boolean replaceNote) {
        shown.set(task != null);
        starred.set(task != null && task.starred());
        List<String> now = task == null ? List.of() : task.tags();
        if (!tags.equals(now)) {
            tags.setAll(now);
        }
        String saved = task == null || task.note() == null ? "" : task.note();
        boolean typing = noteChanged.get();
        savedNote.set(saved);
        if (replaceNote || !typing) {
            note.set(saved);
        }
    }

    private void storeChanged(TaskChange change) {
        Long id = taskId.get();
        if (id != null && (change.changed().contains(id) || change.removed().contains(id))) {
            load(id, false);
        }
    }

    public void toggleStar() {
        Long id = taskId.get();
        if (id != null) {
            boolean wanted = !starred.get();
            starred.set(wanted);
            write("Starring the task", () -> store.setStarred(id, wanted));
        }
    }

    /** Adds a tag (normalised as the store keeps it); blank or already there does nothing. */
    public void addTag(String tag) {
        Long id = taskId.get();
        String t = TaskTags.normalise(tag);
        if (id != null && !t.isEmpty() && !tags.contains(t)) {
            tags.add(t);
            FXCollections.sort(tags);
            write("Tagging the task", () -> store.addTag(id, t));
        }
    }

    public void removeTag(String tag) {
        Long id = taskId.get();
        if (id != null && tags.remove(tag)) {
            write("Removing the tag", () -> store.removeTag(id, tag));
        }
    }

    /** Saves the note being typed (blank removes it). */
    public void saveNote() {
        Long id = taskId.get();
        if (id != null && noteChanged.get()) {
            String text = note.get();
            savedNote.set(text.strip());
            writeNote(id, text);
        }
    }

    /** Puts the note back as saved. */
    public void revertNote() {
        note.set(savedNote.get());
    }

    private void writeNote(long id, String text) {
        write("Saving the note", () -> store.setNote(id, text));
    }

    /** Tags already in use anywhere, for completing what is typed. */
    public List<String> suggestions(String typed) {
        String t = TaskTags.normalise(typed);
        return knownTags.stream().filter(k -> k.startsWith(t) && !tags.contains(k)).limit(8).toList();
    }

    public ObjectProperty<Long> taskIdProperty() {
        return taskId;
    }

    /** True while a task is loaded. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty starredProperty() {
        return starred.getReadOnlyProperty();
    }

    public ObservableList<String> tags() {
        return readOnlyTags;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** True while the note differs from what is saved. */
    public BooleanBinding noteChangedBinding() {
        return noteChanged;
    }

    @Override
    public void close() {
        relay.unsubscribe(listener);
    }
}
