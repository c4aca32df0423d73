package dev.reelwatch.ui.media;

import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** The Export… dialog's state: runs the export in the background, reports progress, can be cancelled. */
public final class ExportViewModel {
    private final VideoExporter exporter;
    private final ExportNaming naming;
    private final TaskExecutor executor;
    private final Executor ui;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.messages");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private List<String> leftOut = List.of();

    /**
     * @param executor runs the export off the FX thread and hands its result back
     * @param ui       hands progress reported during the export to the FX thread
     */
    public ExportViewModel(VideoExporter exporter, ExportNaming naming, TaskExecutor executor, Executor ui) {
        this.exporter = exporter;
        this.naming = naming;
        this.executor = executor;
        this.ui = ui;
    }

    /** Says up front why some chosen videos are not exported (e.g. their links expired before archiving). */
    public void leftOut(List<String> reasons) {
        this.leftOut = List.copyOf(reasons);
        problems.set(String.join("\n", leftOut));
    }

    /** Starts exporting the tasks' videos into {@code folder}; completes with the result. */
    public CompletableFuture<VideoExporter.Result> start(List<Long> taskIds, Path folder) {
        cancelled.set(false);
        running.set(true);
        progress.set(0);
        status.set(MessageFormat.format(text.getString("export.starting"), taskIds.size()));
        CompletableFuture<VideoExporter.Result> done = new CompletableFuture<>();
        BackgroundTask.wrap(() -> {
            try {
                return exporter.exportAll(taskIds, folder, naming, (video, videos, bytes, total) -> {
                    double share = videos == 0 ? 1 : (video + (total > 0 ? (double) bytes / total : 0)) / videos;
                    ui.execute(() -> {
                        progress.set(Math.min(1, share));
                        if (video < videos) {
                            status.set(MessageFormat.format(text.getString("export.copying"), video + 1, videos));
                        }
                    });
                }, cancelled::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new VideoExporter.Result(List.of(), List.of(), true);
            }
        }).describedAs("Exporting videos")
                .onSuccess(result -> {
                    finish(result, null);
                    done.complete(result);
                })
                .onFailure(error -> {
                    finish(null, error);
                    done.completeExceptionally(error);
                })
                .executeWith(executor);
        return done;
    }

    private void finish(VideoExporter.Result result, Throwable error) {
        running.set(false);
        if (error != null) {
            status.set(MessageFormat.format(text.getString("export.failed"), error.getMessage()));
            return;
        }
        progress.set(1);
        status.set(MessageFormat.format(text.getString(result.cancelled() ? "export.cancelled" : "export.done"),
                result.written().size()));
        List<String> all = new java.util.ArrayList<>(leftOut);
        all.addAll(result.problems());
        problems.set(String.join("\n", all));
    }

    public void cancel() {
        cancelled.set(true);
    }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
}
