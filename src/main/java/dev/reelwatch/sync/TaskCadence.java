package dev.reelwatch.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each non-terminal task of one account is next refreshed: the provider's own hint where it gives one,
 * else the fast interval, growing by half while the task shows no change. A task never seen here is due at once.
 * Only touched by the account's own poller, one pass at a time.
 */
final class TaskCadence {

    private record Slot(Instant next, Duration interval) {
    }

    private Duration fast;
    private Duration max;
    private Duration longest;
    private final Map<String, Slot> slots = new HashMap<>();

    TaskCadence(Duration fast, Duration max, Duration longest) {
        this.fast = fast;
        this.max = max;
        this.longest = longest;
    }

    /**
     * New intervals chosen by the user: every scheduled task keeps its turn, but none waits longer than the new
     * fast interval from {@code now}, and grown intervals are cut to the new maximum.
     */
    void retune(Duration newFast, Duration newMax, Duration newLongest, Instant now) {
        fast = newFast;
        max = newMax;
        longest = newLongest;
        Instant latest = now.plus(newFast);
        slots.replaceAll((id, s) -> new Slot(s.next.isAfter(latest) ? latest : s.next, min(s.interval, newMax)));
    }

    boolean isDue(String providerTaskId, Instant now) {
        Slot s = slots.get(providerTaskId);
        return s == null || !now.isBefore(s.next);
    }

    /** The earliest time any of {@code activeIds} is due; {@code now} stands for tasks never scheduled. */
    Optional<Instant> nextDue(Collection<String> activeIds, Instant now) {
        Instant best = null;
        for (String id : activeIds) {
            Slot s = slots.get(id);
            Instant t = s == null ? now : s.next;
            if (best == null || t.isBefore(best)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** After a successful refresh: back to the fast pace on a change, else a little slower. */
    void refreshed(String providerTaskId, Instant now, boolean changed, Duration providerHint) {
        Duration interval;
        if (providerHint != null && !providerHint.isNegative() && !providerHint.isZero()) {
            interval = min(providerHint, longest);
        } else {
            Slot previous = slots.get(providerTaskId);
            interval = changed || previous == null ? fast : min(grow(previous.interval), max);
        }
        slots.put(providerTaskId, new Slot(now.plus(interval), interval));
    }

    /** After a listing told the task's current state: its next refresh waits one more interval. */
    void postpone(String providerTaskId, Instant now) {
        Slot previous = slots.get(providerTaskId);
        Duration interval = previous == null ? fast : previous.interval;
        slots.put(providerTaskId, new Slot(now.plus(interval), interval));
    }

    /** After a failed refresh of this task alone: wait twice as long as last time before asking again. */
    void failed(String providerTaskId, Instant now) {
        Slot previous = slots.get(providerTaskId);
        Duration interval = previous == null ? fast : min(previous.interval.multipliedBy(2), longest);
        slots.put(providerTaskId, new Slot(now.plus(interval), interval));
    }

    void forget(String providerTaskId) {
        slots.remove(providerTaskId);
    }

    /** Drops tasks that finished or vanished, so the map stays as small as the active set. */
    void retainOnly(Set<String> activeIds) {
        slots.keySet().retainAll(activeIds);
    }

    private static Duration grow(Duration d) {
        return d.plus(d.dividedBy(2));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
