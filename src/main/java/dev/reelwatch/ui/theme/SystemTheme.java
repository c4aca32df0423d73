package dev.reelwatch.ui.theme;

import java.util.Optional;

/** Whether the operating system prefers a dark look; empty when it cannot be told. May block briefly. */
@FunctionalInterface
public interface SystemTheme {
    Optional<Boolean> prefersDark();
}
