package dev.reelwatch.ui.detail;

/** How urgently an output's link needs archiving; the view colours the countdown by it. */
public enum ExpiryUrgency {
    /** The link does not expire as far as we know. */
    NEVER,
    /** More than an hour left. */
    LATER,
    /** Less than an hour left. */
    SOON,
    EXPIRED
}
