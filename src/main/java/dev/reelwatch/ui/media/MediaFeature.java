package dev.reelwatch.ui.media;

import dev.reelwatch.media.ArchiveService;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.ThumbnailStore;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChangeListener;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlaybackEngines;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerView;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;
import javafx.util.Duration;

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
    private final TaskExecutor executor;
    private final Executor background;
    private final Executor ui;
    private final FxWindows windows;
    private final DialogService dialogs;
    private final DragOutFiles dragOut;
    private final Clock clock;
    private final String osName;
    private final PlaybackEngines engines = new FxPlaybackEngines();
    private final FrameGrabber frames = new FrameGrabber();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.messages");
    /** Started by the first {@link #playbackHost()}; touched on the FX thread only. */
    private CompletableFuture<PlaybackHost> host;

    /** The FX side the media feature shows itself through. */
    public record Shell(TaskExecutor executor, FxWindows windows, DialogService dialogs, DragOutFiles dragOut) {
    }

    /**
     * @param background runs downloads, copies and file look-ups (never the FX thread)
     * @param ui         the FX thread ({@code UiThread.fx()}); store events are handed over through it
     * @param shell      background work with results on the FX thread, windows, dialogs, drag-out files
     */
    public MediaFeature(TaskStore tasks, SettingsStore settings, ArchiveService archive, ThumbnailStore thumbnails,
                        SystemOpener opener, Executor background, Executor ui, Clock clock, String osName,
                        Shell shell) {
        this.tasks = tasks;
        this.settings = settings;
        this.archive = archive;
        this.exporter = VideoExporter.over(archive, tasks);
        this.thumbnails = thumbnails;
        this.opener = opener;
        this.background = background;
        this.ui = ui;
        this.executor = shell.executor();
        this.windows = shell.windows();
        this.dialogs = shell.dialogs();
        this.dragOut = shell.dragOut();
        this.clock = clock;
        this.osName = osName;
    }

    /**
     * What this machine offers the player (FFmpeg's decoders, a sound output), probed once off the FX thread when
     * first asked for, so that a failed start is told as its likeliest cause; unknown until the probe is done.
     */
    public Supplier<PlaybackHost> playbackHost() {
        if (host == null) {
            host = CompletableFuture.supplyAsync(() -> PlaybackHost.probe(osName), background)
                    .exceptionally(e -> PlaybackHost.unknown(osName));
        }
        CompletableFuture<PlaybackHost> probed = host;
        return () -> probed.getNow(PlaybackHost.unknown(osName));
    }

    /** Players opened and not yet disposed (for diagnostics and tests). */
    public int livePlayers() {
        return engines.livePlayers();
    }

    @Override
    public Node createPlayer(ObservableValue<Long> selectedTaskId) {
        PlayerViewModel viewModel = new PlayerViewModel(tasks, engines, opener, clock, playbackHost());
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

    /**
     * What dragging these tasks would carry now (read synchronously: a drag must be filled at once): the
     * archived videos under their export names (see {@link DragOutFiles}).
     */
    public DragExportPlan plan(List<Long> taskIds) {
        List<StoredTask> selected = new ArrayList<>();
        for (Long id : taskIds) {
            tasks.byId(id).ifPresent(selected::add);
        }
        String template = template();
        Optional<ExportNaming> built = naming(template);
        if (built.isEmpty()) {
            return DragExportPlan.refused(selected.stream().map(StoredTask::id).toList(),
                    ExportNaming.problem(template).orElse(""));
        }
        ExportNaming naming = built.get();
        return DragExportPlan.of(selected, text, (task, output, archived) -> {
            try {
                return dragOut.prepare(task, archived, DragOutFiles.name(task, output, naming, template)).toFile();
            } catch (java.io.IOException e) {
                // The drag still works, under the archive's name, rather than not at all.
                java.util.logging.Logger.getLogger(MediaFeature.class.getName()).log(java.util.logging.Level.WARNING,
                        "cannot stage " + archived + " under its export name", e);
                return archived.toFile();
            }
        });
    }

    private String template() {
        return settings.get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE);
    }

    /** The stored template as an ExportNaming; an invalid {created:…} pattern is shown to the user instead. */
    private Optional<ExportNaming> naming(String template) {
        try {
            return Optional.of(new ExportNaming(template, ZoneId.systemDefault()));
        } catch (IllegalArgumentException e) {
            dialogs.showError(text.getString("export.title"), e.getMessage(), text.getString("export.badTemplate"));
            return Optional.empty();
        }
    }

    /**
     * Export…: videos known to be unavailable are not offered (the user is told why); for the rest a folder is
     * chosen and the progress window shows the export.
     */
    @Override
    public void exportTasks(List<Long> taskIds, Window owner) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(taskIds);
        BackgroundTask.wrap(() -> {
            List<StoredTask> selected = new ArrayList<>();
            ids.forEach(id -> tasks.byId(id).ifPresent(selected::add));
            return DragExportPlan.of(selected, text, (task, output, archived) -> archived.toFile());
        }).describedAs("Checking which videos can be exported")
                .onSuccess(plan -> {
                    List<Long> exportable = ids.stream().filter(id -> !plan.unavailable().contains(id)).toList();
                    if (ExportNaming.problem(template()).isPresent()) {
                        // Told before a folder is asked for: the export could not name a single file.
                        naming(template());
                        return;
                    }
                    if (exportable.isEmpty()) {
                        dialogs.showInfo(text.getString("export.title"), text.getString("export.noneAvailable"));
                        return;
                    }
                    Optional<Path> last = settings.get("export.lastFolder").map(Path::of);
                    dialogs.chooseFolder(text.getString("export.chooseFolder"), last.orElse(null)).ifPresent(folder -> {
                        settings.put("export.lastFolder", folder.toAbsolutePath().toString());
                        exportTo(exportable, folder).ifPresent(vm -> {
                            if (!plan.unavailable().isEmpty()) {
                                vm.leftOut(List.of(java.text.MessageFormat.format(text.getString("export.leftOut"),
                                        plan.unavailable().size())));
                            }
                        });
                    });
                })
                .executeWith(executor);
    }

    /**
     * Exports into a known folder with the progress window (Export… after its folder was chosen); empty, with
     * the reason shown in an error dialog, when the stored name template is invalid.
     */
    public Optional<ExportViewModel> exportTo(List<Long> taskIds, Path folder) {
        return naming(template()).map(naming -> {
            ExportViewModel viewModel = new ExportViewModel(exporter, naming, executor, ui);
            new ExportDialog(viewModel, windows).show();
            viewModel.start(taskIds, folder);
            return viewModel;
        });
    }

    @Override
    public void openContainingFolder(long taskId) {
        BackgroundTask.wrap(() -> tasks.byId(taskId).flatMap(StoredTask::localFile).map(Path::of)
                .ifPresentOrElse(opener::reveal, () -> archive.archiveTask(taskId)
                        .thenAccept(t -> t.localFile().map(Path::of).ifPresent(opener::reveal))))
                .describedAs("Opening the video's folder")
                .executeWith(executor);
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
