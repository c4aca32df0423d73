package dev.reelwatch.ui.accounts;

import dev.reelwatch.core.ProviderErrorKind;

import java.util.Objects;

/**
 * What "Test connection" found: either connected, with how many tasks the key can see ({@code moreVisible} when
 * the count stopped early), or the provider error class and its message.
 */
public record ConnectionTestResult(boolean connected, int tasksVisible, boolean moreVisible,
                                   ProviderErrorKind errorKind, String message) {

    public ConnectionTestResult {
        message = message == null ? "" : message;
    }

    public static ConnectionTestResult connected(int tasksVisible, boolean moreVisible) {
        return new ConnectionTestResult(true, tasksVisible, moreVisible, null, "");
    }

    public static ConnectionTestResult failed(ProviderErrorKind kind, String message) {
        return new ConnectionTestResult(false, 0, false, Objects.requireNonNull(kind, "kind"), message);
    }
}
