package dev.reelwatch.sync;

/** Told when the poller's status changes; called on a poller thread (the UI hands it to the FX thread). */
@FunctionalInterface
public interface SyncStatusListener {
    void syncStatusChanged(SyncStatus status);
}
