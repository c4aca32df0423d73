package dev.reelwatch.ui.theme;

/** The theme the user picked in View → Theme; SYSTEM follows the operating system where we can tell. */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK
}
