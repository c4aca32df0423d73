package dev.reelwatch.sim;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults switched on for one simulator. Faults apply to API routes only (not to file downloads, unless
 * {@code filesToo}); {@code remaining} limits how many answers are spoiled before the server recovers
 * (negative: until switched off).
 */
public final class SimFaults {
    private final Set<Fault> active = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ofMillis(300);
    private volatile int retryAfterSeconds = 2;
    private volatile Duration hangFor = Duration.ofSeconds(3);
    private volatile int remaining = -1;
    private volatile boolean filesToo;
    private volatile int dripBytes = 64;
    private volatile Duration dripPause = Duration.ofMillis(20);

    public synchronized SimFaults on(Fault fault) {
        active.add(fault);
        return this;
    }

    public synchronized SimFaults off(Fault fault) {
        active.remove(fault);
        return this;
    }

    public synchronized SimFaults clear() {
        active.clear();
        remaining = -1;
        filesToo = false;
        return this;
    }

    /** Spoils only the next {@code n} answers, then behaves again. */
    public synchronized SimFaults times(int n) {
        remaining = n;
        return this;
    }

    public SimFaults latency(Duration d) {
        latency = d;
        return this;
    }

    public SimFaults retryAfterSeconds(int s) {
        retryAfterSeconds = s;
        return this;
    }

    /** How long {@link Fault#HANG} holds an answer back. */
    public SimFaults hangFor(Duration d) {
        hangFor = d;
        return this;
    }

    public Duration hangFor() {
        return hangFor;
    }

    /** How {@link Fault#SLOW_DRIP} trickles: {@code bytes} at a time with {@code pause} between (64 B, 20 ms). */
    public SimFaults drip(int bytes, Duration pause) {
        if (bytes < 1) {
            throw new IllegalArgumentException("a drip needs at least one byte");
        }
        dripBytes = bytes;
        dripPause = pause;
        return this;
    }

    public int dripBytes() {
        return dripBytes;
    }

    public Duration dripPause() {
        return dripPause;
    }

    public SimFaults filesToo(boolean v) {
        filesToo = v;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean appliesToFiles() {
        return filesToo;
    }

    public boolean isOn(Fault f) {
        return active.contains(f);
    }

    /** The faults to apply to the next answer, counting it against {@link #times(int)}. */
    synchronized Set<Fault> take() {
        if (active.isEmpty()) {
            return Set.of();
        }
        if (remaining == 0) {
            active.clear();
            remaining = -1;
            return Set.of();
        }
        if (remaining > 0) {
            remaining--;
        }
        return EnumSet.copyOf(active);
    }
}
