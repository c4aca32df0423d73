package dev.reelwatch.sync;

import dev.reelwatch.store.SettingsStore;

import java.time.Duration;

/**
 * The two poller cadences a user may choose (Preferences → Sync): how often each account's list is read to
 * discover new tasks, and the fastest refresh of a running task. Kept in the settings store; out-of-range or
 * unreadable values fall back to the nearest allowed one.
 */
public record SyncCadence(Duration listInterval, Duration fastInterval) {
    public static final String LIST_KEY = "sync.listIntervalSeconds";
    public static final String FAST_KEY = "sync.fastIntervalSeconds";
    public static final Duration MIN_LIST = Duration.ofSeconds(30);
    public static final Duration MAX_LIST = Duration.ofHours(6);
    public static final Duration MIN_FAST = Duration.ofSeconds(2);
    public static final Duration MAX_FAST = Duration.ofMinutes(10);

    public SyncCadence {
        listInterval = clamp(listInterval, MIN_LIST, MAX_LIST);
        fastInterval = clamp(fastInterval, MIN_FAST, MAX_FAST);
    }

    /** The cadence of {@link SyncSettings#defaults()}. */
    public static SyncCadence defaults() {
        return of(SyncSettings.defaults());
    }

    public static SyncCadence of(SyncSettings settings) {
        return new SyncCadence(settings.listInterval(), settings.fastInterval());
    }

    /** The stored cadence, else the defaults. */
    public static SyncCadence read(SettingsStore settings) {
        SyncCadence d = defaults();
        return new SyncCadence(
                Duration.ofSeconds(settings.getLong(LIST_KEY, d.listInterval().toSeconds())),
                Duration.ofSeconds(settings.getLong(FAST_KEY, d.fastInterval().toSeconds())));
    }

    /**
     * {@code base} with this cadence. A running task's interval may grow up to the base's maximum, but never
     * starts above it: a fastest refresh slower than that maximum becomes the maximum too.
     */
    public SyncSettings applyTo(SyncSettings base) {
        Duration max = base.maxFastInterval().compareTo(fastInterval) < 0 ? fastInterval : base.maxFastInterval();
        return new SyncSettings(fastInterval, max, listInterval, base.disabledRecheckInterval(), base.backoffBase(),
                base.backoffCap(), base.perProviderConcurrency(), base.discoveryMargin(), base.pageSize(),
                base.workerThreads(), base.tick());
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
