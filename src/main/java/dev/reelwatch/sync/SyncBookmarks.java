package dev.reelwatch.sync;

import dev.reelwatch.store.SettingsStore;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the poller remembers across restarts, per account, in the settings table: when a full listing last
 * completed (so a restart can go incremental) and up to which creation time listings are known complete
 * (so an interrupted incremental listing is redone rather than skipped).
 */
final class SyncBookmarks {
    private final SettingsStore settings;

    SyncBookmarks(SettingsStore settings) {
        this.settings = settings;
    }

    Optional<Instant> fullSyncCompletedAt(long accountId) {
        return instant(key(accountId, "fullSyncCompletedAt"));
    }

    void fullSyncCompleted(long accountId, Instant at) {
        settings.put(key(accountId, "fullSyncCompletedAt"), at.toString());
    }

    /** The newest creation time up to which every task has been listed. */
    Optional<Instant> listedThrough(long accountId) {
        return instant(key(accountId, "listedThrough"));
    }

    void listedThrough(long accountId, Instant createdAt) {
        settings.put(key(accountId, "listedThrough"), createdAt.toString());
    }

    /** Forgets the account's bookmarks, e.g. when it now points at another server. */
    void clear(long accountId) {
        settings.remove(key(accountId, "fullSyncCompletedAt"));
        settings.remove(key(accountId, "listedThrough"));
    }

    private Optional<Instant> instant(String key) {
        return settings.get(key).flatMap(v -> {
            try {
                return Optional.of(Instant.parse(v.trim()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static String key(long accountId, String what) {
        return "sync.account." + accountId + "." + what;
    }
}
