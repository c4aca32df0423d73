package dev.reelwatch.sync;

/** {@code wait} cannot go on: the key was refused, the task is not on the provider, the account cannot be used. */
public final class WaitFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public WaitFailure(String message) {
        super(message);
    }
}
