package dev.reelwatch.store;

import java.util.Optional;

/** Small key/value settings kept in the cache (theme, window geometry, column layout, library options). */
public interface SettingsStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    default boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    default long getLong(String key, long fallback) {
        return get(key).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }
}
