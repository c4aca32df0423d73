package dev.reelwatch.ui.tasks;

import dev.reelwatch.ui.common.SerialExecutor;
import dev.reelwatch.ui.media.MediaHooks;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Small in-memory LRU of table thumbnails, fetched lazily through {@link MediaHooks#thumbnailFile(long)} and
 * decoded in the background (one at a time) at the cell's size. Tasks without a thumbnail are remembered too, so scrolling
 * back does not ask again.
 */
public final class ThumbnailCache {
    private static final Optional<Image> NONE = Optional.empty();

    private final MediaHooks media;
    private final Executor ui;
    private final Executor decoder = new SerialExecutor(ForkJoinPool.commonPool());
    private final double width;
    private final double height;
    private final Map<Long, Optional<Image>> images;
    private final Map<Long, List<Consumer<Image>>> waiting = new HashMap<>();

    public ThumbnailCache(MediaHooks media, Executor ui, int capacity, double width, double height) {
        this.media = media;
        this.ui = ui;
        this.width = width;
        this.height = height;
        this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Optional<Image>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The image if known now (null when still loading or absent); else starts loading and calls back later. */
    public Image get(long taskId, Consumer<Image> whenLoaded) {
        Optional<Image> known = images.get(taskId);
        if (known != null) {
            return known.orElse(null);
        }
        List<Consumer<Image>> list = waiting.get(taskId);
        if (list != null) {
            list.add(whenLoaded);
            return null;
        }
        list = new ArrayList<>();
        list.add(whenLoaded);
        waiting.put(taskId, list);
        media.thumbnailFile(taskId)
                .thenApplyAsync(this::decode, decoder)
                .whenComplete((image, error) -> ui.execute(() -> loaded(taskId, image, error)));
        // An answer that was already there has been stored by now.
        Optional<Image> now = images.get(taskId);
        return now == null ? null : now.orElse(null);
    }

    /** Decodes at the cell's size, one image at a time, off the FX thread. */
    private Optional<Image> decode(Optional<Path> file) {
        if (file.isEmpty()) {
            return NONE;
        }
        Image image = new Image(file.get().toUri().toString(), width, height, true, true, false);
        return image.isError() ? NONE : Optional.of(image);
    }

    private void loaded(long taskId, Optional<Image> decoded, Throwable error) {
        Optional<Image> image = error != null || decoded == null ? NONE : decoded;
        images.put(taskId, image);
        List<Consumer<Image>> callbacks = waiting.remove(taskId);
        if (callbacks != null && image.isPresent()) {
            callbacks.forEach(c -> c.accept(image.get()));
        }
    }
}
