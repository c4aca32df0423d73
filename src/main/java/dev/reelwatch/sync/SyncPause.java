package dev.reelwatch.sync;

import dev.reelwatch.store.SettingsStore;

import java.util.Objects;

/**
 * "Pause all syncing" (for a metered connection): a setting, so it survives restarts. While it is on the app's
 * poller sends no request at all; one-shot {@code reelwatch sync} runs are asked for explicitly and go ahead.
 */
public final class SyncPause {
    /** The settings key; "true" while all syncing is paused. */
    public static final String SETTING = "sync.pauseAll";

    private final SettingsStore settings;

    public SyncPause(SettingsStore settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public boolean allPaused() {
        return settings.getBoolean(SETTING, false);
    }

    public void setAllPaused(boolean paused) {
        if (paused) {
            settings.put(SETTING, "true");
        } else {
            settings.remove(SETTING);
        }
    }
}
