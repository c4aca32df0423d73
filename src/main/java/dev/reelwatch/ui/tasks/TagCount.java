package dev.reelwatch.ui.tasks;

/** A tag in use and how many cached tasks carry it. */
public record TagCount(String tag, int count) {
}
