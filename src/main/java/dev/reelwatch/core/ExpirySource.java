package dev.reelwatch.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Who says when an output's link expires. A provider-stated time is a fact about the link; an inferred one
 * (e.g. BytePlus's documented 24 h cleanup applied to a MeshAPI task) is a hint that orders downloads and
 * warns, never a reason not to try.
 */
public enum ExpirySource {
    /** The provider's answer states the time ({@code expires_at}, a signed URL's {@code Expires=}). */
    PROVIDER,
    /** Reelwatch worked the time out from what the provider documents elsewhere. */
    INFERRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExpirySource> fromWireName(String name) {
        for (ExpirySource s : values()) {
            if (s.wireName().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
