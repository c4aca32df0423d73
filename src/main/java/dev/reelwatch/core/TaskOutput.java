package dev.reelwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One file a task produced, as the provider describes it. Nullable fields are those providers may omit:
 * {@code expiresAt} (null: the link does not expire as far as we know), {@code bytes}, {@code sha256},
 * {@code mimeType}. {@code requiresAuth} is true when the URL wants the account's key (Phaseo's
 * {@code content_url}); such a key is only ever sent to the account's own host.
 */
public record TaskOutput(int index, String url, OutputKind kind, Instant expiresAt, Long bytes, String sha256,
                         String mimeType, boolean requiresAuth) {

    public TaskOutput {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }

    public static TaskOutput video(int index, String url) {
        return new TaskOutput(index, url, OutputKind.VIDEO, null, null, null, "video/mp4", false);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
