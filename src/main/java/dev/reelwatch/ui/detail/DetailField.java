package dev.reelwatch.ui.detail;

/** One row of the parameter grid: what it is and the value the provider gave, both as display text. */
public record DetailField(String label, String value) {
}
