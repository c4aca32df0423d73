package dev.reelwatch.provider;

import java.util.Map;

/** An account's API key and the header a provider wants it in; absent when the account has none. */
public final class ApiKey {
    private final String header;
    private final String prefix;
    private final String value;

    private ApiKey(String header, String prefix, String keyOrNull) {
        this.header = header;
        this.prefix = prefix;
        this.value = keyOrNull == null || keyOrNull.isBlank() ? null : keyOrNull.strip();
    }

    /** {@code Authorization: Bearer <key>}. */
    public static ApiKey bearer(String keyOrNull) {
        return new ApiKey("Authorization", "Bearer ", keyOrNull);
    }

    /** The bare key in a header of its own, such as {@code X-API-Key}. */
    public static ApiKey inHeader(String header, String keyOrNull) {
        return new ApiKey(header, "", keyOrNull);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The header carrying the key; empty when there is no key. */
    public Map<String, String> headers() {
        return value == null ? Map.of() : Map.of(header, prefix + value);
    }

    @Override
    public String toString() {
        return "ApiKey[" + header + (value == null ? ", none]" : ", set]");
    }
}
