package dev.reelwatch.ui.tasks;

/** The created-date presets of the filter bar; CUSTOM uses the two pickers. */
public enum DateRange {
    ANY, TODAY, LAST_7_DAYS, LAST_30_DAYS, CUSTOM
}
