package dev.reelwatch.store;

import java.util.Locale;

/**
 * Which accounts the user has allowed to use plain HTTP to a non-loopback server (a self-hosted server on the
 * LAN). Kept in the settings by account name, so it survives a rebuild of the cache through the accounts backup.
 */
public final class PlainHttpConsent {
    private static final String PREFIX = "account.allow-plain-http.";

    private final SettingsStore settings;

    public PlainHttpConsent(SettingsStore settings) {
        this.settings = settings;
    }

    public boolean isAllowed(String accountName) {
        return settings.getBoolean(key(accountName), false);
    }

    public void set(String accountName, boolean allowed) {
        if (allowed) {
            settings.put(key(accountName), "true");
        } else {
            settings.remove(key(accountName));
        }
    }

    private static String key(String accountName) {
        return PREFIX + accountName.toLowerCase(Locale.ROOT);
    }
}
