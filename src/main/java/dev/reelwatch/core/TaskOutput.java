package dev.reelwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One file a task produced, as the provider describes it. Nullable fields are those providers may omit:
 * {@code expiresAt} (null: the link does not expire as far as we know), {@code bytes}, {@code sha256},
 * {@code mimeType}. {@code requiresAuth} is true when the URL wants the account's key (Phaseo's
 * {@code content_url}); such a key is only ever sent to the account's own host. {@code expirySource} says who
 * gave {@code expiresAt} (null exactly when it is null). {@code refusal} (null normally) says why Reelwatch will
 * not request this file at all, e.g. a server path outside the task's folder; {@code url} then holds what the
 * provider reported, for display only.
 */
public record TaskOutput(int index, String url, OutputKind kind, Instant expiresAt, Long bytes, String sha256,
                         String mimeType, boolean requiresAuth, ExpirySource expirySource, String refusal) {

    public TaskOutput {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        if (expiresAt == null) {
            expirySource = null;
        } else if (expirySource == null) {
            expirySource = ExpirySource.PROVIDER;
        }
        refusal = refusal == null || refusal.isBlank() ? null : refusal;
    }

    /** An output whose expiry, if any, the provider stated. */
    public TaskOutput(int index, String url, OutputKind kind, Instant expiresAt, Long bytes, String sha256,
                      String mimeType, boolean requiresAuth) {
        this(index, url, kind, expiresAt, bytes, sha256, mimeType, requiresAuth, null, null);
    }

    /** A file Reelwatch refuses to request, with the reason shown on the output. */
    public static TaskOutput refused(int index, String reported, OutputKind kind, String mimeType, String reason) {
        return new TaskOutput(index, reported, kind, null, null, null, mimeType, false, null,
                Objects.requireNonNull(reason, "reason"));
    }

    /** Whether Reelwatch only guessed the expiry (it still tries the link after it). */
    public boolean expiryInferred() {
        return expirySource == ExpirySource.INFERRED;
    }

    public static TaskOutput video(int index, String url) {
        return new TaskOutput(index, url, OutputKind.VIDEO, null, null, null, "video/mp4", false);
    }

    /**
     * Whether the provider's own stated time for the link has passed. An inferred time never counts here: past
     * it the link is only "probably gone" and is still tried (see {@link #expiryPassedAt}).
     */
    public boolean isExpiredAt(Instant now) {
        return expirySource == ExpirySource.PROVIDER && expiryPassedAt(now);
    }

    /** Whether the expiry time, stated or inferred, has passed. */
    public boolean expiryPassedAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
