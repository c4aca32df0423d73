package dev.reelwatch.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskCadenceTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final TaskCadence cadence = new TaskCadence(Duration.ofSeconds(5), Duration.ofSeconds(20),
            Duration.ofMinutes(3));

    @Test
    void aTaskNeverRefreshedIsDueAtOnce() {
        assertTrue(cadence.isDue("a", T0));
        assertEquals(T0, cadence.nextDue(List.of("a"), T0).orElseThrow());
    }

    @Test
    void intervalGrowsGentlyWhileNothingChangesAndResetsOnChange() {
        cadence.refreshed("a", T0, true, null);
        assertFalse(cadence.isDue("a", T0.plusSeconds(4)));
        assertTrue(cadence.isDue("a", T0.plusSeconds(5)));

        Instant t = T0.plusSeconds(5);
        cadence.refreshed("a", t, false, null);
        assertEquals(t.plusMillis(7_500), cadence.nextDue(List.of("a"), t).orElseThrow());
        for (int i = 0; i < 10; i++) {
            cadence.refreshed("a", t, false, null);
        }
        assertEquals(t.plusSeconds(20), cadence.nextDue(List.of("a"), t).orElseThrow(), "capped at the max");

        cadence.refreshed("a", t, true, null);
        assertEquals(t.plusSeconds(5), cadence.nextDue(List.of("a"), t).orElseThrow());
    }

    @Test
    void providerHintWinsOverOurOwnPace() {
        cadence.refreshed("a", T0, false, Duration.ofSeconds(20));
        assertFalse(cadence.isDue("a", T0.plusSeconds(19)));
        assertTrue(cadence.isDue("a", T0.plusSeconds(20)));
    }

    @Test
    void failuresDoubleTheWaitOfThatTaskOnly() {
        cadence.refreshed("a", T0, true, null);
        cadence.refreshed("b", T0, true, null);
        cadence.failed("a", T0);
        assertEquals(T0.plusSeconds(10), cadence.nextDue(List.of("a"), T0).orElseThrow());
        assertEquals(T0.plusSeconds(5), cadence.nextDue(List.of("b"), T0).orElseThrow());
    }

    @Test
    void finishedTasksAreForgotten() {
        cadence.refreshed("a", T0, true, null);
        cadence.refreshed("b", T0, true, null);
        cadence.retainOnly(Set.of("b"));
        assertTrue(cadence.isDue("a", T0), "a forgotten task counts as never refreshed");
        assertFalse(cadence.isDue("b", T0));
    }
}
