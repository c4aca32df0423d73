package dev.reelwatch.ui.media.player;

/** Where the player stands, for the view to show the right overlay. */
public enum PlayerState {
    /** Nothing selected, or the task has no video (yet). */
    EMPTY,
    LOADING,
    PAUSED,
    PLAYING,
    ENDED,
    /** Cannot play; {@link PlayerViewModel#problemProperty()} says why and what to do. */
    PROBLEM
}
