package dev.reelwatch.ui.media;

import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;

/**
 * The files a drag out of Reelwatch carries: each archived video under the name Export would give it (the
 * export naming template), never the archive's internal name. Each task gets a folder of its own in
 * {@code staging} holding a hard link to the archived file (a copy where the file system has no hard links),
 * so two drops of different tasks never collide, and a template that cannot tell tasks apart (no {@code {id}}
 * or {@code {local-id}}) gets the task's id added to the name.
 */
public final class DragOutFiles {
    private final Path staging;

    /** @param staging a folder of Reelwatch's own on the archive's file system (emptied at start-up) */
    public DragOutFiles(Path staging) {
        this.staging = Objects.requireNonNull(staging, "staging");
    }

    /** The name a dragged file of {@code task} gets under {@code naming} with {@code template}. */
    public static String name(StoredTask task, StoredOutput output, ExportNaming naming, String template) {
        String name = naming.fileName(task, output.output());
        String t = template == null || template.isBlank() ? ExportNaming.DEFAULT_TEMPLATE : template;
        if (t.toLowerCase(Locale.ROOT).contains("{id}") || t.toLowerCase(Locale.ROOT).contains("{local-id}")) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String suffix = "_" + task.id();
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    /** The file to put on the drag board for the archived {@code video} of {@code task}, named {@code name}. */
    public Path prepare(StoredTask task, Path video, String name) throws IOException {
        Path folder = Files.createDirectories(staging.resolve(String.valueOf(task.id())));
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(video)) {
            return target;
        }
        // Another name (the template changed) or a stale file: the folder holds only the current one.
        try (var old = Files.list(folder)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.deleteIfExists(p);
            }
        }
        try {
            Files.createLink(target, video);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            Files.copy(video, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
