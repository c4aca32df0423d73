package dev.reelwatch.core;

import java.util.Locale;

/** What an output file of a task is. */
public enum OutputKind {
    VIDEO, COMBINED_VIDEO, IMAGE, AUDIO, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputKind fromWireName(String name) {
        for (OutputKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return OTHER;
    }
}
