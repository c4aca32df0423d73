package dev.reelwatch.cli;

import dev.reelwatch.store.StoreException;
import picocli.CommandLine;

/**
 * Turns an exception from a command into one line on stderr and exit code 1 (2 for a {@link CliUsageFailure}):
 * people get the message, not a stack trace, with provider text made safe for the terminal.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("reelwatch: " + HumanText.clean(describe(ex)));
        commandLine.getErr().flush();
        return ex instanceof CliUsageFailure ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
    }

    static String describe(Throwable ex) {
        // Our worded failures may arrive wrapped (picocli, executors): the first one in the chain speaks.
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if ((t instanceof CliFailure || t instanceof StoreException) && message != null && !message.isBlank()) {
                return message;
            }
        }
        // Not one of our worded failures: name what broke so a bug report is still useful, without a trace.
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getMessage() == null ? "" : ": " + root.getMessage();
        return "unexpected error (" + root.getClass().getSimpleName() + what + ")";
    }
}
