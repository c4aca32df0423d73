package dev.reelwatch.store;

/** A rule with that name exists already. */
public class DuplicateRuleException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DuplicateRuleException(String name) {
        super("A rule named '" + name + "' exists already; choose another name.");
    }
}
