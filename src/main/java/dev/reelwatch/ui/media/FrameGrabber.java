package dev.reelwatch.ui.media;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes a still from an archived video for the table's thumbnail: plays it muted, snapshots its MediaView
 * once a frame is shown, and writes a PNG. Runs on the FX thread; the player is always disposed.
 */
public final class FrameGrabber {
    private static final double WIDTH = 320;
    private static final long GIVE_UP_AFTER_SECONDS = 15;

    /** Starts grabbing a frame from {@code video} into {@code png}; call on the FX thread. */
    public CompletableFuture<Optional<Path>> grab(Path video, Path png) {
        CompletableFuture<Optional<Path>> result = new CompletableFuture<>();
        MediaPlayer player;
        try {
            player = new MediaPlayer(new Media(video.toUri().toString()));
        } catch (RuntimeException e) {
            result.complete(Optional.empty());
            return result;
        }
        MediaView view = new MediaView(player);
        view.setFitWidth(WIDTH);
        view.setPreserveRatio(true);
        // A scene makes the view render its frames; it is never shown.
        new Scene(new Group(view));
        player.setMute(true);
        player.setOnError(() -> finish(player, result, Optional.empty()));
        player.currentTimeProperty().addListener((o, was, now) -> {
            if (!result.isDone() && now.greaterThan(Duration.millis(300))) {
                player.pause();
                WritableImage image = view.snapshot(null, null);
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
                    finish(player, result, Optional.of(png));
                } catch (IOException e) {
                    finish(player, result, Optional.empty());
                }
            }
        });
        player.setOnEndOfMedia(() -> finish(player, result, Optional.empty()));
        player.play();
        // A player that never shows a frame (no window on screen, broken file) must not live forever.
        CompletableFuture.delayedExecutor(GIVE_UP_AFTER_SECONDS, TimeUnit.SECONDS)
                .execute(() -> Platform.runLater(() -> finish(player, result, Optional.empty())));
        return result;
    }

    private static void finish(MediaPlayer player, CompletableFuture<Optional<Path>> result, Optional<Path> value) {
        if (result.complete(value)) {
            player.dispose();
        }
    }
}
