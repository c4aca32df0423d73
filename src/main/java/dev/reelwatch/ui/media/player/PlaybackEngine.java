package dev.reelwatch.ui.media.player;

import java.time.Duration;

/** One native player for one video; {@link #dispose()} frees it (it cannot be used again). */
public interface PlaybackEngine {
    void play();

    void pause();

    void seek(Duration position);

    void volume(double zeroToOne);

    void mute(boolean muted);

    void loop(boolean loop);

    void dispose();
}
