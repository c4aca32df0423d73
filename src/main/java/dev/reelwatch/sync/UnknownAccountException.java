package dev.reelwatch.sync;

/** Asked to sync an account name the cache does not know. */
public final class UnknownAccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownAccountException(String accountName) {
        super("No account named '" + accountName + "'. See 'reelwatch accounts list'.");
    }
}
