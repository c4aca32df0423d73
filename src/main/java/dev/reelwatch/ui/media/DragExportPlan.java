package dev.reelwatch.ui.media;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What dragging rows out would carry, decided synchronously as a drag must be: the archived files, the tasks
 * still to download (the drag is refused and they are fetched), and the ones that cannot be had.
 *
 * @param message for the user when the drag is refused or incomplete; empty when all is well
 */
public record DragExportPlan(List<File> files, List<Long> toFetch, List<Long> unavailable, Optional<String> message) {

    public DragExportPlan {
        files = List.copyOf(files);
        toFetch = List.copyOf(toFetch);
        unavailable = List.copyOf(unavailable);
    }

    /** The drag may start: every wanted video that can be had is on disk and there is at least one. */
    public boolean canDrag() {
        return toFetch.isEmpty() && !files.isEmpty();
    }

    /** Gives the file a drag carries for the archived video of a task (its export name, not the archive's). */
    @FunctionalInterface
    public interface Namer {
        File fileFor(StoredTask task, StoredOutput output, Path archived);
    }

    /** Nothing can be dragged or fetched: e.g. the export name template is invalid ({@code message} says why). */
    public static DragExportPlan refused(List<Long> taskIds, String message) {
        return new DragExportPlan(List.of(), List.of(), taskIds, Optional.of(message));
    }

    /**
     * A provider-stated expiry in the past does not make a video unavailable: the link still gets one download
     * attempt, and only the server's refusal (archive state LINK_EXPIRED) or Reelwatch's own refusal of the
     * output (e.g. a path outside the task's folder) leaves it out.
     */
    public static DragExportPlan of(List<StoredTask> tasks, ResourceBundle text, Namer names) {
        List<File> files = new ArrayList<>();
        List<Long> toFetch = new ArrayList<>();
        List<Long> unavailable = new ArrayList<>();
        for (StoredTask t : tasks) {
            Optional<StoredOutput> video = VideoExporter.primaryVideo(t);
            if (video.isEmpty()) {
                unavailable.add(t.id());
                continue;
            }
            StoredOutput o = video.get();
            if (o.archiveState() == ArchiveState.ARCHIVED && o.localPath() != null && Files.isRegularFile(Path.of(o.localPath()))) {
                files.add(names.fileFor(t, o, Path.of(o.localPath())));
            } else if (o.archiveState() == ArchiveState.LINK_EXPIRED || o.output().refusal() != null) {
                unavailable.add(t.id());
            } else {
                toFetch.add(t.id());
            }
        }
        Optional<String> message = Optional.empty();
        if (!toFetch.isEmpty()) {
            message = Optional.of(java.text.MessageFormat.format(text.getString("drag.fetching"), toFetch.size(), tasks.size()));
        } else if (files.isEmpty()) {
            message = Optional.of(text.getString("drag.nothing"));
        } else if (!unavailable.isEmpty()) {
            message = Optional.of(java.text.MessageFormat.format(text.getString("drag.partial"), unavailable.size()));
        }
        return new DragExportPlan(files, toFetch, unavailable, message);
    }
}
