package dev.reelwatch.ui.detail;

/** What the detail pane is showing. */
public enum DetailState {
    /** No task selected. */
    EMPTY,
    /** A task was selected and is being read from the cache. */
    LOADING,
    SHOWN,
    /** The selected task is not in the cache (removed from history meanwhile). */
    MISSING
}
