package dev.reelwatch.media;

import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.StoredTask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where archived videos and thumbnails live under the data directory:
 * {@code videos/<provider>/<account>/<local task id>-<output index>.<ext>} and {@code thumbnails/<task id>.<ext>}.
 * File names come from our own ids only, never from the server.
 */
public final class VideoArchive {
    private final Path dataDir;
    private final SettingsStore settings;

    /** Videos always in {@code videos} under the data directory. */
    public VideoArchive(Path dataDir) {
        this(dataDir, null);
    }

    /**
     * Videos in the folder chosen in the settings ({@link ArchiveSettings#FOLDER}), read on every use so a
     * change applies to the next download at once; {@code videos} under the data directory when none is set.
     */
    public VideoArchive(Path dataDir, SettingsStore settings) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.settings = settings;
    }

    /** The folder archived videos go into now. */
    public Path videosDir() {
        return settings == null ? defaultVideosDir() : ArchiveSettings.folder(settings).orElseGet(this::defaultVideosDir);
    }

    /** {@code videos} under the data directory: where videos go unless the user chose another folder. */
    public Path defaultVideosDir() {
        return dataDir.resolve("videos");
    }

    public Path thumbnailsDir() {
        return dataDir.resolve("thumbnails");
    }

    /** The video archive file for one output of a task. */
    public Path fileFor(StoredTask task, TaskOutput output) {
        String account = SafeFileName.of(task.accountName(), 60, "account-" + task.accountId());
        return videosDir().resolve(task.provider().cliName()).resolve(account)
                .resolve(task.id() + "-" + output.index() + "." + extension(output));
    }

    /** The file extension for an output, from its MIME type (the URL's name is not trusted). */
    public static String extension(TaskOutput output) {
        String mime = output.mimeType() == null ? "" : output.mimeType().toLowerCase(Locale.ROOT);
        return switch (mime) {
            case "video/webm" -> "webm";
            case "video/quicktime" -> "mov";
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "audio/mpeg" -> "mp3";
            default -> "mp4";
        };
    }

    /** Total bytes of archived files (partial downloads included: they take space too). */
    public long sizeBytes() {
        return sizeOf(videosDir());
    }

    /** Total bytes of the files under {@code dir}; 0 when it does not exist (yet). */
    public static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(VideoArchive::sizeOrZero).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the video archive at " + dir, e);
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
