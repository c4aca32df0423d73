package dev.reelwatch.ui.media.player;

import java.time.Duration;

/** What a playing engine reports, always on the UI thread. */
public interface PlaybackEvents {
    void ready(Duration total);

    void time(Duration position);

    void playing(boolean playing);

    void ended();

    /** {@code type} is the engine's error kind (e.g. JavaFX MediaException.Type name), {@code message} its text. */
    void failed(String type, String message);
}
