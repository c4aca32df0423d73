package dev.reelwatch.media;

import dev.reelwatch.store.StoredTask;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The on-disk thumbnail cache: {@code <data dir>/thumbnails/<task id>.jpg|png}. Fetches the provider's image
 * when the task has one; frames taken from archived videos are written by the UI layer to {@link #frameFile}.
 */
public final class ThumbnailStore {
    private static final List<String> EXTENSIONS = List.of("jpg", "png");
    private static final long MAX_IMAGE_BYTES = 16L * 1024 * 1024;

    private final VideoArchive videoArchive;
    private final FileDownloader downloader;

    public ThumbnailStore(VideoArchive videoArchive, FileDownloader downloader) {
        this.videoArchive = videoArchive;
        this.downloader = downloader;
    }

    /** The cached image of a task, if one was made before. */
    public Optional<Path> cached(long taskId) {
        for (String ext : EXTENSIONS) {
            Path p = videoArchive.thumbnailsDir().resolve(taskId + "." + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Downloads the provider's thumbnail of the task (blocking); empty when it has none or it cannot be had. */
    public Optional<Path> fetchProviderImage(StoredTask task) throws InterruptedException {
        String url = task.task().thumbnailUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String ext = url.toLowerCase(java.util.Locale.ROOT).contains(".png") ? "png" : "jpg";
        try {
            DownloadRequest request = new DownloadRequest(URI.create(url), java.util.Map.of(), null, null, null,
                    MAX_IMAGE_BYTES, DownloadRequest.Accept.IMAGE);
            return Optional.of(downloader.download(request, videoArchive.thumbnailsDir().resolve(task.id() + "." + ext),
                    FileDownloader.Progress.NONE).path());
        } catch (DownloadFailure | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where a frame grabbed from the archived video is to be written (PNG); its folder exists. */
    public Path frameFile(long taskId) throws IOException {
        Files.createDirectories(videoArchive.thumbnailsDir());
        return videoArchive.thumbnailsDir().resolve(taskId + ".png");
    }
}
