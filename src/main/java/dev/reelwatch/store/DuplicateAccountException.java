package dev.reelwatch.store;

/** An account with that name exists already. */
public class DuplicateAccountException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DuplicateAccountException(String name) {
        super("An account named '" + name + "' exists already; choose another name.");
    }
}
