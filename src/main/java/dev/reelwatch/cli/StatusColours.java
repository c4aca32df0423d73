package dev.reelwatch.cli;

import dev.reelwatch.core.TaskStatus;

/** The ANSI colour of each status on a terminal: green done, red failed, yellow cut short, cyan at work. */
final class StatusColours {

    private StatusColours() {
    }

    /** The colour code for a status's wire name, or null for none. */
    static String of(String wireName) {
        return TaskStatus.fromWireName(wireName).map(s -> switch (s) {
            case SUCCEEDED -> "32";
            case FAILED -> "31";
            case CANCELLED, EXPIRED -> "33";
            case RUNNING -> "36";
            case QUEUED -> "2";
        }).orElse(null);
    }
}
