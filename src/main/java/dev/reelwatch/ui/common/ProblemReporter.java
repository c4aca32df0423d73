package dev.reelwatch.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Where background failures nobody handled go: the window's problem area in the app, a log or a list in tests. */
@FunctionalInterface
public interface ProblemReporter {

    /** Called on the FX thread; {@code what} says what was being done ("Loading usage"). */
    void report(String what, Throwable failure);

    /** Logs at WARNING: for places with no window yet. */
    static ProblemReporter logging() {
        Logger log = Logger.getLogger(ProblemReporter.class.getName());
        return (what, failure) -> log.log(Level.WARNING, what + " failed", failure);
    }
}
