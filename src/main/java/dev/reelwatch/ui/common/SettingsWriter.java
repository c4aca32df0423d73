package dev.reelwatch.ui.common;

import dev.reelwatch.store.SettingsStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Writes UI settings off the FX thread. Writes to one key are coalesced (the latest value wins), so dragging
 * a column border or the window edge costs one database write, not hundreds.
 */
public final class SettingsWriter {
    private final SettingsStore store;
    private final Executor background;
    private final TaskExecutor executor;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /** Writes through {@code executor}: a failed write goes to its problem area, not only to a log. */
    public SettingsWriter(SettingsStore store, TaskExecutor executor) {
        this.store = store;
        this.background = null;
        this.executor = executor;
    }

    /** Writes on {@code background} (tests and benchmarks that run it inline). */
    public SettingsWriter(SettingsStore store, Executor background) {
        this.store = store;
        this.background = background;
        this.executor = null;
    }

    /** The store, for reads (settings are small; reading one is a key lookup). */
    public SettingsStore store() {
        return store;
    }

    public void put(String key, String value) {
        if (pending.put(key, value) == null) {
            if (executor != null) {
                BackgroundTask.wrap(() -> flush(key)).describedAs("Saving the setting " + key).executeWith(executor);
            } else {
                background.execute(() -> flush(key));
            }
        }
    }

    private void flush(String key) {
        // Take and write under one lock so a newer value queued meanwhile is always written after this one.
        synchronized (writeLock) {
            String value = pending.remove(key);
            if (value != null) {
                store.put(key, value);
            }
        }
    }
}
