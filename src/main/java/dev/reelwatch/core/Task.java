package dev.reelwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation job as its provider last described it, mapped to Reelwatch's unified vocabulary.
 *
 * <p>Fields a provider may not give are null (scalars) or empty (lists, maps); {@code rawJson} is the
 * provider's own JSON for the task, so nothing it sent is lost. {@code parameters} holds every other
 * generation parameter the provider reported (name to display value, in the provider's order).
 */
public record Task(
        long accountId,
        String providerTaskId,
        TaskStatus status,
        String providerStatus,
        Integer progress,
        String prompt,
        String model,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        Duration duration,
        String resolution,
        String aspectRatio,
        Double fps,
        Long seed,
        List<TaskOutput> outputs,
        String thumbnailUrl,
        TaskError error,
        Cost cost,
        Integer etaSeconds,
        Duration pollAfter,
        Map<String, String> parameters,
        String rawJson) {

    public Task {
        Objects.requireNonNull(providerTaskId, "providerTaskId");
        Objects.requireNonNull(status, "status");
        providerStatus = providerStatus == null ? status.wireName() : providerStatus;
        if (progress != null) {
            progress = Math.max(0, Math.min(100, progress));
        }
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        rawJson = rawJson == null ? "{}" : rawJson;
        // A value no cache column can hold is unknown, not a failure of the whole page (raw JSON keeps it).
        createdAt = storable(createdAt);
        updatedAt = storable(updatedAt);
        startedAt = storable(startedAt);
        completedAt = storable(completedAt);
        duration = storable(duration);
        pollAfter = storable(pollAfter);
        fps = fps == null || !Double.isFinite(fps) ? null : fps;
    }

    private static final Instant EARLIEST_STORABLE = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST_STORABLE = Instant.ofEpochMilli(Long.MAX_VALUE);

    private static Instant storable(Instant t) {
        return t == null || t.isBefore(EARLIEST_STORABLE) || t.isAfter(LATEST_STORABLE) ? null : t;
    }

    private static Duration storable(Duration d) {
        return d == null || Math.abs(d.getSeconds()) >= Long.MAX_VALUE / 1000 ? null : d;
    }

    public static Builder builder(String providerTaskId, TaskStatus status) {
        return new Builder(providerTaskId, status);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Task withAccountId(long newAccountId) {
        return toBuilder().accountId(newAccountId).build();
    }

    /** The first video output, which the table, player and CLI treat as "the" video. */
    public Optional<TaskOutput> primaryVideo() {
        return outputs.stream()
                .filter(o -> o.kind() == OutputKind.VIDEO || o.kind() == OutputKind.COMBINED_VIDEO)
                .findFirst()
                .or(() -> outputs.stream().findFirst());
    }

    /** First line of the prompt, for one-line displays. */
    public String promptFirstLine() {
        return firstLine(prompt);
    }

    /** The first non-blank line of {@code text}, stripped; empty for null or blank text. */
    public static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** Builds tasks field by field; provider mappers use it so each can set just what its API gives. */
    public static final class Builder {
        private long accountId;
        private String providerTaskId;
        private TaskStatus status;
        private String providerStatus;
        private Integer progress;
        private String prompt;
        private String model;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant startedAt;
        private Instant completedAt;
        private Duration duration;
        private String resolution;
        private String aspectRatio;
        private Double fps;
        private Long seed;
        private final List<TaskOutput> outputs = new ArrayList<>();
        private String thumbnailUrl;
        private TaskError error;
        private Cost cost;
        private Integer etaSeconds;
        private Duration pollAfter;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String rawJson;

        private Builder(String providerTaskId, TaskStatus status) {
            this.providerTaskId = providerTaskId;
            this.status = status;
        }

        private Builder(Task t) {
            accountId = t.accountId;
            providerTaskId = t.providerTaskId;
            status = t.status;
            providerStatus = t.providerStatus;
            progress = t.progress;
            prompt = t.prompt;
            model = t.model;
            createdAt = t.createdAt;
            updatedAt = t.updatedAt;
            startedAt = t.startedAt;
            completedAt = t.completedAt;
            duration = t.duration;
            resolution = t.resolution;
            aspectRatio = t.aspectRatio;
            fps = t.fps;
            seed = t.seed;
            outputs.addAll(t.outputs);
            thumbnailUrl = t.thumbnailUrl;
            error = t.error;
            cost = t.cost;
            etaSeconds = t.etaSeconds;
            pollAfter = t.pollAfter;
            parameters.putAll(t.parameters);
            rawJson = t.rawJson;
        }

        public Builder accountId(long v) { accountId = v; return this; }
        public Builder providerTaskId(String v) { providerTaskId = v; return this; }
        public Builder status(TaskStatus v) { status = v; return this; }
        public Builder providerStatus(String v) { providerStatus = v; return this; }
        public Builder progress(Integer v) { progress = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder completedAt(Instant v) { completedAt = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder resolution(String v) { resolution = v; return this; }
        public Builder aspectRatio(String v) { aspectRatio = v; return this; }
        public Builder fps(Double v) { fps = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder addOutput(TaskOutput v) { outputs.add(v); return this; }
        public Builder outputs(List<TaskOutput> v) { outputs.clear(); outputs.addAll(v); return this; }
        public Builder thumbnailUrl(String v) { thumbnailUrl = v; return this; }
        public Builder error(TaskError v) { error = v; return this; }
        public Builder cost(Cost v) { cost = v; return this; }
        public Builder etaSeconds(Integer v) { etaSeconds = v; return this; }
        public Builder pollAfter(Duration v) { pollAfter = v; return this; }
        /** Adds a parameter when it has a value; nulls and blanks are skipped so the detail view stays clean. */
        public Builder parameter(String name, Object value) {
            if (value != null && !String.valueOf(value).isBlank()) {
                parameters.put(name, String.valueOf(value));
            }
            return this;
        }
        public Builder rawJson(String v) { rawJson = v; return this; }

        public Task build() {
            return new Task(accountId, providerTaskId, status, providerStatus, progress, prompt, model, createdAt,
                    updatedAt, startedAt, completedAt, duration, resolution, aspectRatio, fps, seed, outputs,
                    thumbnailUrl, error, cost, etaSeconds, pollAfter, parameters, rawJson);
        }
    }
}
