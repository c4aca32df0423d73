package dev.reelwatch.media;

import dev.reelwatch.store.SettingsStore;

/**
 * The user's choices for the video archive (the downloaded videos), read from the settings store.
 *
 * @param enabled      whether finished videos are archived automatically
 * @param maxBytes     cap on the video archive's total size; 0 means no cap
 * @param maxFileBytes the largest single download accepted
 */
public record ArchiveSettings(boolean enabled, long maxBytes, long maxFileBytes) {
    public static final String ENABLED = "archive.enabled";
    public static final String MAX_BYTES = "archive.maxBytes";
    public static final String MAX_FILE_BYTES = "archive.maxFileBytes";
    /** Where archived videos go; unset: {@code videos} in the data directory. */
    public static final String FOLDER = "archive.folder";
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(true, 0, DEFAULT_MAX_FILE_BYTES);
    }

    /** The current settings; missing or unreadable values fall back to the defaults. */
    public static ArchiveSettings read(SettingsStore settings) {
        long cap = Math.max(0, settings.getLong(MAX_BYTES, 0));
        long perFile = settings.getLong(MAX_FILE_BYTES, DEFAULT_MAX_FILE_BYTES);
        return new ArchiveSettings(settings.getBoolean(ENABLED, true), cap,
                perFile > 0 ? perFile : DEFAULT_MAX_FILE_BYTES);
    }

    /** The folder the user chose for archived videos, if any (blank or unreadable: none). */
    public static java.util.Optional<java.nio.file.Path> folder(SettingsStore settings) {
        return settings.get(FOLDER).map(String::strip).filter(f -> !f.isEmpty()).flatMap(f -> {
            try {
                return java.util.Optional.of(java.nio.file.Path.of(f).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException bad) {
                return java.util.Optional.empty();
            }
        });
    }

    public boolean capped() {
        return maxBytes > 0;
    }
}
