package dev.reelwatch.ui.accounts;

import dev.reelwatch.store.PlainHttpConsent;

import java.util.Objects;

/**
 * Where the accounts dialog keeps which accounts may use plain HTTP to another machine: the stored consent,
 * plus whatever must follow a change of it (the accounts backup is written again). Called on a background thread.
 */
public interface PlainHttpPermissions {

    boolean isAllowed(String accountName);

    void set(String accountName, boolean allowed);

    /**
     * @param afterChange runs after every change, e.g. {@code BackedUpAccountStore::writeBackup}, so a rebuilt
     *                    cache still knows the consent
     */
    static PlainHttpPermissions of(PlainHttpConsent consent, Runnable afterChange) {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(afterChange, "afterChange");
        return new PlainHttpPermissions() {
            @Override
            public boolean isAllowed(String accountName) {
                return consent.isAllowed(accountName);
            }

            @Override
            public void set(String accountName, boolean allowed) {
                consent.set(accountName, allowed);
                afterChange.run();
            }
        };
    }
}
