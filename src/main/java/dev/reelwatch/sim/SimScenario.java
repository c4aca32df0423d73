package dev.reelwatch.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Builds believable task histories for simulators: finished work from the past days plus jobs that start,
 * progress and finish within the first minute, with every outcome represented. Deterministic per seed.
 */
public final class SimScenario {
    private static final List<String> PROMPTS = List.of(
            "A paper boat drifting down a rain-soaked Tokyo street at night, neon reflections, slow dolly in",
            "Aerial shot over a turquoise fjord at sunrise, mist rolling over the cliffs",
            "A corgi astronaut bouncing on the moon, Earth rising behind, cinematic lighting",
            "Macro shot of ink blooming in water, teal and gold, 120 fps slow motion",
            "Timelapse of a city skyline from day to night, clouds racing\nsecond line: keep the horizon level",
            "Ein Fuchs läuft durch verschneiten Wald, Morgenlicht, Weitwinkel",
            "東京の夜、雨に濡れた路地を歩く猫 🐈 ネオンの反射",
            "قارب صغير يبحر في البحر عند الغروب",
            "Product shot: a glass perfume bottle rotating on a marble plinth, soft studio light",
            "A lighthouse in a storm, waves crashing, dramatic 35mm film look 🌊⚡",
            "Hand-drawn animation of a sunflower growing from seed to bloom",
            "Robot barista pouring latte art in a cozy café, shallow depth of field");

    private final Random random;
    private final Instant now;

    public SimScenario(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /**
     * @param history finished tasks spread over the past week
     * @param live tasks that start now or within {@code within} and run for 10–40 s
     */
    public List<SimTask> generate(List<String> models, int history, int live, Duration within) {
        List<SimTask> tasks = new ArrayList<>();
        for (int i = 0; i < history; i++) {
            Instant created = now.minusSeconds(3600L + random.nextInt(7 * 24 * 3600));
            tasks.add(task(models, created, Duration.ofSeconds(5 + random.nextInt(60)),
                    Duration.ofSeconds(30 + random.nextInt(240)), historyOutcome(i), i));
        }
        for (int i = 0; i < live; i++) {
            Instant created = now.plusMillis(random.nextInt((int) Math.max(1, within.toMillis())))
                    .minusSeconds(i == 0 ? 5 : 0);
            SimOutcome outcome = i % 5 == 4 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED;
            tasks.add(task(models, created, Duration.ofSeconds(2 + random.nextInt(6)),
                    Duration.ofSeconds(10 + random.nextInt(30)), outcome, history + i));
        }
        return tasks;
    }

    private SimOutcome historyOutcome(int i) {
        int r = i % 10;
        if (r == 7) {
            return SimOutcome.FAILED;
        }
        if (r == 8) {
            return SimOutcome.CANCELLED;
        }
        if (r == 9 && i % 20 == 9) {
            return SimOutcome.EXPIRED;
        }
        return SimOutcome.SUCCEEDED;
    }

    private SimTask task(List<String> models, Instant created, Duration queued, Duration run, SimOutcome outcome, int n) {
        String[][] failures = {
                {"OutputVideoSensitiveContentDetected", "The generated video may contain sensitive content."},
                {"InternalServiceError", "The service encountered an unexpected internal error."},
                {"InputTextSensitiveContentDetected", "The prompt may contain sensitive information."}};
        String[] failure = failures[random.nextInt(failures.length)];
        String[] resolutions = {"1280x720", "1920x1080", "720x1280", "960x960"};
        String[] ratios = {"16:9", "16:9", "9:16", "1:1"};
        int res = random.nextInt(resolutions.length);
        return new SimTask(new UUID(random.nextLong(), random.nextLong()).toString(),
                PROMPTS.get(Math.floorMod(n, PROMPTS.size())),
                models.get(random.nextInt(models.size())),
                created, queued, run, outcome, DemoClips.NAMES.get(Math.floorMod(n, DemoClips.NAMES.size())),
                outcome == SimOutcome.FAILED ? failure[0] : null,
                outcome == SimOutcome.FAILED ? failure[1] : null,
                Math.abs(random.nextLong() % 4_000_000_000L),
                resolutions[res], ratios[res], 5 + random.nextInt(6), 24, 1000 + random.nextInt(50_000));
    }
}
