package dev.reelwatch.ui.export;

import dev.reelwatch.media.ArchiveService;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.ThumbnailStore;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChangeListener;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.main.MediaHooks;
import dev.reelwatch.ui.player.FxPlaybackEngines;
import dev.reelwatch.ui.player.PlaybackEngines;
import dev.reelwatch.ui.player.PlayerView;
import dev.reelwatch.ui.player.PlayerViewModel;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The media feature as the main window sees it: the embedded player, dragging rows out as files, Export…,
 * opening the containing folder and the table's thumbnails, over the archive service and the library.
 */
public final class MediaFeature implements MediaHooks {
    private final TaskStore tasks;
    private final SettingsStore settings;
    private final ArchiveService archive;
    private final VideoExporter exporter;
    private final ThumbnailStore thumbnails;
    private final SystemOpener opener;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final String osName;
    private final PlaybackEngines engines = new FxPlaybackEngines();
    private final FrameGrabber frames = new FrameGrabber();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.export.messages");

    /**
     * @param background runs downloads, copies and file look-ups (never the FX thread)
     * @param ui         the FX thread ({@code UiThread.fx()}); store events are handed over through it
     */
    public MediaFeature(TaskStore tasks, SettingsStore settings, ArchiveService archive, ThumbnailStore thumbnails,
                        SystemOpener opener, Executor background, Executor ui, Clock clock, String osName) {
        this.tasks = tasks;
        this.settings = settings;
        this.archive = archive;
        this.exporter = VideoExporter.over(archive, tasks);
        this.thumbnails = thumbnails;
        this.opener = opener;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.osName = osName;
    }

    /** Players opened and not yet disposed (for diagnostics and tests). */
    public int livePlayers() {
        return engines.livePlayers();
    }

    @Override
    public Node createPlayer(ObservableValue<Long> selectedTaskId) {
        PlayerViewModel viewModel = new PlayerViewModel(tasks, engines, opener, clock, osName);
        PlayerView view = new PlayerView(viewModel);
        selectedTaskId.addListener((o, was, now) -> viewModel.select(now));
        viewModel.select(selectedTaskId.getValue());
        // When the shown task's video gets archived (or its link dies), the player picks that up.
        TaskChangeListener refresh = change -> ui.execute(() -> viewModel.tasksChanged(change.changed()));
        tasks.addListener(refresh);
        view.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                viewModel.dispose();
                tasks.removeListener(refresh);
            }
        });
        return view;
    }

    @Override
    public void installDragExport(TableView<?> table, Supplier<List<Long>> selectedTaskIds) {
        installDragExportFrom(table, selectedTaskIds);
    }

    @Override
    public void installDragExportFrom(Node table, Supplier<List<Long>> selectedTaskIds) {
        Tooltip notice = new Tooltip();
        notice.getStyleClass().add("drag-refused-tooltip");
        notice.setWrapText(true);
        notice.setMaxWidth(360);
        notice.setHideDelay(Duration.seconds(4));
        table.setOnDragDetected(event -> {
            DragExportPlan plan = plan(selectedTaskIds.get());
            if (plan.canDrag()) {
                Dragboard board = table.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putFiles(plan.files());
                board.setContent(content);
            }
            plan.toFetch().forEach(archive::archiveTask);
            plan.message().ifPresent(message -> {
                notice.setText(message);
                Point2D at = new Point2D(event.getScreenX() + 12, event.getScreenY() + 12);
                notice.show(table, at.getX(), at.getY());
                javafx.animation.PauseTransition hide = new javafx.animation.PauseTransition(Duration.seconds(4));
                hide.setOnFinished(e -> notice.hide());
                hide.play();
            });
            event.consume();
        });
    }

    /** What dragging these tasks would carry now (read synchronously: a drag must be filled at once). */
    public DragExportPlan plan(List<Long> taskIds) {
        List<StoredTask> selected = new ArrayList<>();
        for (Long id : taskIds) {
            tasks.byId(id).ifPresent(selected::add);
        }
        return DragExportPlan.of(selected, clock.instant(), text);
    }

    @Override
    public void exportTasks(List<Long> taskIds, Window owner) {
        if (taskIds.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString("export.chooseFolder"));
        settings.get("export.lastFolder").map(File::new).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(owner);
        if (folder == null) {
            return;
        }
        settings.put("export.lastFolder", folder.getAbsolutePath());
        exportTo(taskIds, folder.toPath(), owner);
    }

    /** Exports into a known folder with the progress dialog (Export… after its folder was chosen). */
    public ExportViewModel exportTo(List<Long> taskIds, Path folder, Window owner) {
        ExportNaming naming = new ExportNaming(settings.get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE),
                ZoneId.systemDefault());
        ExportViewModel viewModel = new ExportViewModel(exporter, naming, background, ui);
        new ExportDialog(viewModel, owner).show();
        viewModel.start(taskIds, folder);
        return viewModel;
    }

    @Override
    public void openContainingFolder(long taskId) {
        background.execute(() -> tasks.byId(taskId).flatMap(StoredTask::localFile).map(Path::of)
                .ifPresentOrElse(opener::reveal, () -> archive.archiveTask(taskId)
                        .thenAccept(t -> t.localFile().map(Path::of).ifPresent(opener::reveal))));
    }

    @Override
    public CompletableFuture<Optional<Path>> thumbnailFile(long taskId) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<Path> cached = thumbnails.cached(taskId);
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached);
            }
            Optional<StoredTask> task = tasks.byId(taskId);
            if (task.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<Path>empty());
            }
            try {
                Optional<Path> fetched = thumbnails.fetchProviderImage(task.get());
                if (fetched.isPresent()) {
                    return CompletableFuture.completedFuture(fetched);
                }
                Optional<String> video = task.get().localFile();
                if (video.isEmpty()) {
                    return CompletableFuture.completedFuture(Optional.<Path>empty());
                }
                Path png = thumbnails.frameFile(taskId);
                CompletableFuture<Optional<Path>> grabbed = new CompletableFuture<>();
                ui.execute(() -> frames.grab(Path.of(video.get()), png).whenComplete((p, e) ->
                        grabbed.complete(e == null ? p : Optional.empty())));
                return grabbed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.completedFuture(Optional.<Path>empty());
            } catch (java.io.IOException e) {
                return CompletableFuture.completedFuture(Optional.<Path>empty());
            }
        }, background).thenCompose(f -> f);
    }
}
