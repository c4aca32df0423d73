package dev.reelwatch.ui.media;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the main window needs from the media feature (player, drag-to-export, export, thumbnails). The media
 * feature implements it; the composition root hands it to the main window, so the two can grow apart.
 */
public interface MediaHooks {

    /** The player for the detail pane; it follows the selected task id (null: nothing selected). */
    Node createPlayer(ObservableValue<Long> selectedTaskId);

    /** Lets rows of {@code table} be dragged out to a file manager as the archived video files. */
    void installDragExport(TableView<?> table, Supplier<List<Long>> selectedTaskIds);

    /**
     * Lets the selected tasks of any view (the gallery) be dragged out as the archived video files. Without the
     * media feature nothing can be dragged out.
     */
    default void installDragExportFrom(Node source, Supplier<List<Long>> selectedTaskIds) {
        // no media feature: nothing to drag out
    }

    /** "Export…" (Ctrl+E) for the given tasks, with {@code owner} as the dialog's parent. */
    void exportTasks(List<Long> taskIds, Window owner);

    /** Opens the folder holding the task's archived video in the system file manager. */
    void openContainingFolder(long taskId);

    /** A cached thumbnail image file for the task, fetched or made in the background; empty when none can be had. */
    CompletableFuture<Optional<Path>> thumbnailFile(long taskId);

    /** Does nothing: used before the media feature is wired in, and in tests of the main window alone. */
    MediaHooks NONE = new MediaHooks() {
        @Override
        public Node createPlayer(ObservableValue<Long> selectedTaskId) {
            return new javafx.scene.layout.StackPane();
        }

        @Override
        public void installDragExport(TableView<?> table, Supplier<List<Long>> selectedTaskIds) {
            // no media feature: rows cannot be dragged out
        }

        @Override
        public void exportTasks(List<Long> taskIds, Window owner) {
            // no media feature: nothing to export with
        }

        @Override
        public void openContainingFolder(long taskId) {
            // no media feature: no library folder
        }

        @Override
        public CompletableFuture<Optional<Path>> thumbnailFile(long taskId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    };
}
