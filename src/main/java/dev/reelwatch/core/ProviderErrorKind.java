package dev.reelwatch.core;

/**
 * The one error taxonomy for provider trouble. Lives in core because account health, the store and
 * the UI all speak of it; the provider layer decides which kind a failure is.
 */
public enum ProviderErrorKind {
    AUTHENTICATION("Authentication failed", false),
    NOT_FOUND("Not found", false),
    VALIDATION("Request rejected", false),
    /** The provider refuses the request in the task's present state (e.g. deleting a task still running). */
    CONFLICT("Not possible right now", false),
    RATE_LIMITED("Rate limited", true),
    PROVIDER_DISABLED("Provider disabled", true),
    UPSTREAM("Provider unavailable", true),
    BAD_RESPONSE("Bad response", true),
    NETWORK("Network error", true),
    INSECURE("Insecure connection refused", false);

    private final String title;
    private final boolean transientFailure;

    ProviderErrorKind(String title, boolean transientFailure) {
        this.title = title;
        this.transientFailure = transientFailure;
    }

    /** A short heading a person understands, e.g. for a tooltip or a status bar. */
    public String title() {
        return title;
    }

    /** Whether trying again later may help without the user changing anything. */
    public boolean isTransient() {
        return transientFailure;
    }
}
