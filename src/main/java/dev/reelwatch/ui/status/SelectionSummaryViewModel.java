package dev.reelwatch.ui.status;

import dev.reelwatch.store.TaskStore;
import dev.reelwatch.media.ByteSize;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The status bar's selection part (issue 15): "3 selected · 1.2 GB archived", empty while nothing is selected.
 * The bytes are added up in the store in the background; the newest selection wins.
 */
public final class SelectionSummaryViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.status.messages");

    private final ObservableList<Long> selected;
    private final TaskStore store;
    private final TaskExecutor executor;
    private final LatestRequest latest = new LatestRequest();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    /** One query at a time: a selection that changes a hundred times meanwhile costs one more query, not a hundred. */
    private boolean querying;
    private boolean queryAgain;

    public SelectionSummaryViewModel(ObservableList<Long> selected, TaskStore store, TaskExecutor executor) {
        this.selected = selected;
        this.store = store;
        this.executor = executor;
        selected.addListener((Observable o) -> update());
        update();
    }

    private void update() {
        List<Long> ids = List.copyOf(selected);
        if (ids.isEmpty()) {
            latest.invalidate();
            text.set("");
            return;
        }
        String count = String.format(TEXT.getString(ids.size() == 1 ? "selection.one" : "selection.many"),
                NumberFormat.getIntegerInstance().format(ids.size()));
        text.set(count);
        if (querying) {
            queryAgain = true;
            return;
        }
        querying = true;
        BackgroundTask.wrap(() -> store.archivedBytes(ids))
                .describedAs("Adding up the selection's archived files")
                .latestOf(latest)
                .onSuccess(bytes -> text.set(bytes == 0 ? count
                        : count + " · " + String.format(TEXT.getString("selection.archived"), ByteSize.format(bytes))))
                .onFinished(() -> {
                    querying = false;
                    if (queryAgain) {
                        queryAgain = false;
                        update();
                    }
                })
                .executeWith(executor);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
