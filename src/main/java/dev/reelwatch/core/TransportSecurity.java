package dev.reelwatch.core;

import java.net.URI;
import java.util.Locale;

/**
 * The HTTPS rule: API keys and videos travel over HTTPS, except to this machine (loopback) or to a server the
 * user has explicitly allowed plain HTTP for (a self-hosted MoneyPrinterTurbo on the LAN).
 */
public final class TransportSecurity {

    private TransportSecurity() {
    }

    /** Whether {@code uri} points at this machine: 127.0.0.0/8, ::1 or "localhost". */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** Whether talking to {@code uri} needs the user's explicit consent: plain HTTP to another machine. */
    public static boolean needsPlainHttpConsent(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri);
    }

    /** Whether Reelwatch may talk to {@code uri} at all, given the account's consent to plain HTTP. */
    public static boolean permits(URI uri, boolean plainHttpAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return true;
        }
        return scheme.equals("http") && (plainHttpAllowed || isLoopback(uri));
    }

    /** The explanation shown when an account is refused for plain HTTP. */
    public static String refusal(Account account) {
        return account.provider().displayName() + " account '" + account.name() + "': " + account.baseUrl()
                + " uses plain HTTP, which would send the API key and videos unencrypted. Use https://, or allow"
                + " plain HTTP for this account if it is your own server on a trusted network"
                + " (`reelwatch accounts add … --allow-http`, or the checkbox in Accounts).";
    }
}
