package dev.reelwatch.cli;

/** A command could not do its job for a reason the user can act on; printed as is, exit code 1. */
public class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliFailure(String message) {
        super(message);
    }
}
