package dev.reelwatch.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The unified lifecycle of a generation task; each provider's raw status maps onto one of these. */
public enum TaskStatus {
    QUEUED(false),
    RUNNING(false),
    SUCCEEDED(true),
    FAILED(true),
    CANCELLED(true),
    EXPIRED(true);

    private final boolean terminal;

    TaskStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** A terminal task never changes again, so the poller stops asking about it. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Lower-case wire name, as printed by the CLI and stored in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskStatus> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
