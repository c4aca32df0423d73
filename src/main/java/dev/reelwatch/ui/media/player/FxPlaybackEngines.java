package dev.reelwatch.ui.media.player;

import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Players over JavaFX's {@link MediaPlayer}; must be used on the FX thread. */
public final class FxPlaybackEngines implements PlaybackEngines {
    private final AtomicInteger live = new AtomicInteger();

    @Override
    public PlaybackEngine open(String uri, PlaybackEvents events) {
        return new FxPlaybackEngine(uri, events, live);
    }

    @Override
    public int livePlayers() {
        return live.get();
    }

    /** One JavaFX player; the view shows it through {@link #mediaPlayer()}. */
    public static final class FxPlaybackEngine implements PlaybackEngine {
        private final MediaPlayer player;
        private final AtomicBoolean disposed = new AtomicBoolean();
        private final AtomicInteger live;

        FxPlaybackEngine(String uri, PlaybackEvents events, AtomicInteger live) {
            this.live = live;
            MediaPlayer created = null;
            try {
                Media media = new Media(uri);
                media.setOnError(() -> events.failed(type(media.getError()), message(media.getError())));
                created = new MediaPlayer(media);
            } catch (MediaException e) {
                events.failed(e.getType().name(), e.getMessage());
            } catch (RuntimeException e) {
                events.failed("UNKNOWN", e.getMessage());
            }
            player = created;
            if (player == null) {
                disposed.set(true);
                return;
            }
            live.incrementAndGet();
            player.setOnReady(() -> events.ready(java.time.Duration.ofMillis((long) player.getTotalDuration().toMillis())));
            player.currentTimeProperty().addListener((o, was, now) ->
                    events.time(java.time.Duration.ofMillis((long) now.toMillis())));
            player.statusProperty().addListener((o, was, now) -> events.playing(now == MediaPlayer.Status.PLAYING));
            player.setOnEndOfMedia(() -> {
                if (player.getCycleCount() != MediaPlayer.INDEFINITE) {
                    events.ended();
                }
            });
            player.setOnError(() -> events.failed(type(player.getError()), message(player.getError())));
        }

        /** The JavaFX player, for a MediaView; null when it could not be created. */
        public MediaPlayer mediaPlayer() {
            return player;
        }

        @Override
        public void play() {
            if (player != null && !disposed.get()) {
                if (player.getStatus() == MediaPlayer.Status.STOPPED
                        || player.getCurrentTime().greaterThanOrEqualTo(player.getTotalDuration())) {
                    player.seek(Duration.ZERO);
                }
                player.play();
            }
        }

        @Override
        public void pause() {
            if (player != null && !disposed.get()) {
                player.pause();
            }
        }

        @Override
        public void seek(java.time.Duration position) {
            if (player != null && !disposed.get()) {
                player.seek(Duration.millis(position.toMillis()));
            }
        }

        @Override
        public void volume(double zeroToOne) {
            if (player != null && !disposed.get()) {
                player.setVolume(Math.max(0, Math.min(1, zeroToOne)));
            }
        }

        @Override
        public void mute(boolean muted) {
            if (player != null && !disposed.get()) {
                player.setMute(muted);
            }
        }

        @Override
        public void loop(boolean loop) {
            if (player != null && !disposed.get()) {
                player.setCycleCount(loop ? MediaPlayer.INDEFINITE : 1);
            }
        }

        @Override
        public void dispose() {
            if (player != null && disposed.compareAndSet(false, true)) {
                player.setOnError(null);
                player.setOnReady(null);
                player.setOnEndOfMedia(null);
                player.dispose();
                live.decrementAndGet();
            }
        }

        private static String type(MediaException e) {
            return e == null ? "UNKNOWN" : e.getType().name();
        }

        private static String message(MediaException e) {
            return e == null ? "" : String.valueOf(e.getMessage());
        }
    }
}
