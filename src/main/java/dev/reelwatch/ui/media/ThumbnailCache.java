package dev.reelwatch.ui.media;

import dev.reelwatch.ui.common.SerialExecutor;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Small in-memory LRU of thumbnails, fetched lazily from a source of image files and decoded in the background
 * (one at a time) at the cell's size. "No thumbnail" is remembered only for the media state it was asked in
 * (archived file, provider image): once a task's video is archived or its image arrives, the next ask fetches
 * again, so the thumbnail shows at once rather than after a restart.
 */
public final class ThumbnailCache {
    private static final Optional<Image> NONE = Optional.empty();

    private final LongFunction<CompletableFuture<Optional<Path>>> files;
    private final Executor ui;
    private final Executor decoder = new SerialExecutor(ForkJoinPool.commonPool());
    private final double width;
    private final double height;
    private final Map<Long, Known> images;
    private final Map<Long, Waiting> waiting = new HashMap<>();

    private record Known(Optional<Image> image, int state) {
    }

    private record Waiting(int state, List<Consumer<Image>> callbacks) {
    }

    /**
     * @param files the image file of a task (the media feature's thumbnail store), empty when it has none
     */
    public ThumbnailCache(LongFunction<CompletableFuture<Optional<Path>>> files, Executor ui, int capacity,
                          double width, double height) {
        this.files = files;
        this.ui = ui;
        this.width = width;
        this.height = height;
        this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The image if known now (null when still loading or absent); else starts loading and calls back later.
     * {@code mediaState} says what the thumbnail depends on; a remembered absence for another state is asked again.
     */
    public Image get(long taskId, int mediaState, Consumer<Image> whenLoaded) {
        Known known = images.get(taskId);
        if (known != null && (known.image().isPresent() || known.state() == mediaState)) {
            return known.image().orElse(null);
        }
        Waiting pending = waiting.get(taskId);
        if (pending != null && pending.state() == mediaState) {
            pending.callbacks().add(whenLoaded);
            return null;
        }
        List<Consumer<Image>> list = new ArrayList<>();
        list.add(whenLoaded);
        if (pending != null) {
            list.addAll(pending.callbacks());
        }
        waiting.put(taskId, new Waiting(mediaState, list));
        files.apply(taskId)
                .thenApplyAsync(this::decode, decoder)
                .whenComplete((image, error) -> ui.execute(() -> loaded(taskId, mediaState, image, error)));
        // An answer that was already there has been stored by now.
        Known now = images.get(taskId);
        return now == null ? null : now.image().orElse(null);
    }

    /** Decodes at the cell's size, one image at a time, off the FX thread. */
    private Optional<Image> decode(Optional<Path> file) {
        if (file.isEmpty()) {
            return NONE;
        }
        Image image = new Image(file.get().toUri().toString(), width, height, true, true, false);
        return image.isError() ? NONE : Optional.of(image);
    }

    private void loaded(long taskId, int state, Optional<Image> decoded, Throwable error) {
        Optional<Image> image = error != null || decoded == null ? NONE : decoded;
        Waiting pending = waiting.get(taskId);
        if (pending != null && pending.state() != state) {
            // A newer ask (the task was archived meanwhile) is on its way; it answers the callbacks.
            return;
        }
        images.put(taskId, new Known(image, state));
        waiting.remove(taskId);
        if (pending != null && image.isPresent()) {
            pending.callbacks().forEach(c -> c.accept(image.get()));
        }
    }
}
