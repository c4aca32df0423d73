package dev.reelwatch.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main window's problem area as state: the latest failure nobody else handled (what was being done, the
 * message, the full details), until the user dismisses it. The app's {@link TaskExecutor} reports here; the
 * main view shows it as a banner with Details and Dismiss. Use on the FX thread.
 */
public final class ProblemArea implements ProblemReporter {
    private static final Logger LOG = Logger.getLogger(ProblemArea.class.getName());

    /** One shown problem: {@code what} failed ("Loading usage"), with the cause's message and its stack. */
    public record Problem(String what, String message, String details) {
    }

    private final ReadOnlyObjectWrapper<Problem> current = new ReadOnlyObjectWrapper<>(this, "current");

    @Override
    public void report(String what, Throwable failure) {
        LOG.log(Level.WARNING, what + " failed", failure);
        current.set(new Problem(what, messageOf(failure), details(failure)));
    }

    /** A problem already put in words (e.g. "The server refused the delete"). */
    public void report(String what, String message) {
        current.set(new Problem(what, message, ""));
    }

    /** The problem on show; null when there is none. */
    public ReadOnlyObjectProperty<Problem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Optional<Problem> current() {
        return Optional.ofNullable(current.get());
    }

    public void dismiss() {
        current.set(null);
    }

    /** The cause chain with its frames: what a bug report needs, selectable in the details. */
    static String details(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            b.append(b.length() == 0 ? "" : "Caused by: ").append(t).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                b.append("    at ").append(frame).append('\n');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString();
    }

    private static String messageOf(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
