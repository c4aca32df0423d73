package dev.reelwatch.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * A simulated generation job whose state is a pure function of the clock: queued until
 * {@code createdAt + queuedFor}, then running with progress rising linearly for {@code runFor}, then its
 * outcome. Provider simulators render it in their own wire format.
 *
 * @param clip the demo clip (see {@link DemoClips}) a succeeded task produces
 * @param errorCode provider-style error code for failed tasks
 */
public record SimTask(String id, String prompt, String model, Instant createdAt, Duration queuedFor, Duration runFor,
                      SimOutcome outcome, String clip, String errorCode, String errorMessage, long seed,
                      String resolution, String ratio, int durationSeconds, int fps, long costUnits) {

    public Instant startedAt() {
        return createdAt.plus(queuedFor);
    }

    public Instant finishedAt() {
        return startedAt().plus(runFor);
    }

    public SimPhase phaseAt(Instant now) {
        if (now.isBefore(startedAt())) {
            // Cancelled and expired tasks may end without ever running.
            return SimPhase.QUEUED;
        }
        if (now.isBefore(finishedAt())) {
            return SimPhase.RUNNING;
        }
        return SimPhase.valueOf(outcome.name());
    }

    /** 0–100; rises linearly while running, 100 once succeeded, frozen where a failure stopped it. */
    public int progressAt(Instant now) {
        SimPhase phase = phaseAt(now);
        return switch (phase) {
            case QUEUED -> 0;
            case RUNNING -> {
                long total = Math.max(1, runFor.toMillis());
                long done = Duration.between(startedAt(), now).toMillis();
                yield (int) Math.min(99, done * 100 / total);
            }
            case SUCCEEDED -> 100;
            default -> 60;
        };
    }

    /** Seconds left until the task finishes, while it is not finished. */
    public long etaSecondsAt(Instant now) {
        return Math.max(0, Duration.between(now, finishedAt()).toSeconds());
    }

    public boolean isFinishedAt(Instant now) {
        SimPhase p = phaseAt(now);
        return p != SimPhase.QUEUED && p != SimPhase.RUNNING;
    }
}
