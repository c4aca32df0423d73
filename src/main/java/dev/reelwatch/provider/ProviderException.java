package dev.reelwatch.provider;

import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure talking to a provider, classified by {@link ProviderErrorKind}. The message names the account
 * and provider and says what to do; it never contains an API key.
 */
public final class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ProviderErrorKind kind;
    private final ProviderKind provider;
    private final String accountName;
    private final int httpStatus;
    private final transient Duration retryAfter;
    private final List<String> details;

    public ProviderException(ProviderErrorKind kind, ProviderKind provider, String accountName, int httpStatus,
                             Duration retryAfter, List<String> details, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.provider = provider;
        this.accountName = accountName;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public ProviderErrorKind kind() {
        return kind;
    }

    public ProviderKind provider() {
        return provider;
    }

    public String accountName() {
        return accountName;
    }

    /** The HTTP status the provider answered with, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked us to wait (429 Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Per-field validation messages (422 {@code detail}) or other specifics. */
    public List<String> details() {
        return details;
    }
}
