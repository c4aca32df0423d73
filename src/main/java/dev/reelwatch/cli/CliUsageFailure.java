package dev.reelwatch.cli;

/** The command was given something it cannot use (an id prefix too short or ambiguous): exit code 2. */
public class CliUsageFailure extends CliFailure {
    private static final long serialVersionUID = 1L;

    public CliUsageFailure(String message) {
        super(message);
    }
}
