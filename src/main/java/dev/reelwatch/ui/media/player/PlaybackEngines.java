package dev.reelwatch.ui.media.player;

/** Makes players and counts the live ones, so a leak of native players shows up in tests. */
public interface PlaybackEngines {

    /** Opens {@code uri} (file: or http(s):); events arrive on the UI thread until the engine is disposed. */
    PlaybackEngine open(String uri, PlaybackEvents events);

    /** Players opened and not yet disposed. */
    int livePlayers();
}
