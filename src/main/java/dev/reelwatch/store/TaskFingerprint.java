package dev.reelwatch.store;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A digest of everything the provider told us about a task, to tell a repeated answer from a change. Every
 * field of {@link Task} (and of its outputs, error and cost) goes straight into a {@link Murmur3Hasher} in
 * record order, each written so that where it ends is unambiguous: strings by length (-1 for null), optional
 * values behind a present/absent marker, lists and maps by size. Changing what goes in, or how, changes every
 * fingerprint: do it only under a new {@link #PREFIX}, so old caches are not seen as wholly changed.
 */
final class TaskFingerprint {
    /** Marks the current format; a stored value without it was written before, as {@link #legacy}. */
    static final String PREFIX = "v2:";

    private final Murmur3Hasher hash = new Murmur3Hasher();

    private TaskFingerprint() {
    }

    static String of(Task task) {
        return PREFIX + new TaskFingerprint().task(task).hash.hex();
    }

    /**
     * Whether {@code stored} (either format; null for none) says the task is as it was; {@code current} is
     * {@link #of} the task. An old-format value is checked the old way, so an upgrade sees no spurious changes.
     */
    static boolean matches(String stored, String current, Task task) {
        if (stored == null) {
            return false;
        }
        return stored.startsWith(PREFIX) ? stored.equals(current) : stored.equals(legacy(task));
    }

    /** The format before {@link #PREFIX}: SHA-256 of the record's toString, kept only to read old caches. */
    static String legacy(Task task) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(task.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private TaskFingerprint task(Task t) {
        hash.putLong(t.accountId());
        string(t.providerTaskId());
        string(t.status().name());
        string(t.providerStatus());
        integer(t.progress());
        string(t.prompt());
        string(t.model());
        instant(t.createdAt());
        instant(t.updatedAt());
        instant(t.startedAt());
        instant(t.completedAt());
        duration(t.duration());
        string(t.resolution());
        string(t.aspectRatio());
        real(t.fps());
        longValue(t.seed());
        outputs(t.outputs());
        string(t.thumbnailUrl());
        error(t.error());
        cost(t.cost());
        integer(t.etaSeconds());
        duration(t.pollAfter());
        parameters(t.parameters());
        string(t.rawJson());
        return this;
    }

    private void outputs(List<TaskOutput> outputs) {
        hash.putInt(outputs.size());
        for (TaskOutput o : outputs) {
            hash.putInt(o.index());
            string(o.url());
            string(o.kind().name());
            instant(o.expiresAt());
            longValue(o.bytes());
            string(o.sha256());
            string(o.mimeType());
            hash.putChar(o.requiresAuth() ? '1' : '0');
            string(o.expirySource() == null ? null : o.expirySource().name());
            string(o.refusal());
        }
    }

    private void error(TaskError error) {
        if (present(error)) {
            string(error.code());
            string(error.message());
        }
    }

    private void cost(Cost cost) {
        if (present(cost)) {
            // The text, not the value: 0.40 and 0.4 are stored (and shown) differently.
            string(cost.amount().toString());
            string(cost.unit().name());
            string(cost.currency());
        }
    }

    private void parameters(Map<String, String> parameters) {
        hash.putInt(parameters.size());
        parameters.forEach((name, value) -> {
            string(name);
            string(value);
        });
    }

    private void string(String s) {
        if (s == null) {
            hash.putInt(-1);
        } else {
            hash.putInt(s.length());
            hash.putChars(s);
        }
    }

    private void integer(Integer value) {
        if (present(value)) {
            hash.putInt(value);
        }
    }

    private void longValue(Long value) {
        if (present(value)) {
            hash.putLong(value);
        }
    }

    private void real(Double value) {
        if (present(value)) {
            hash.putLong(Double.doubleToLongBits(value));
        }
    }

    private void instant(Instant value) {
        if (present(value)) {
            hash.putLong(value.getEpochSecond());
            hash.putInt(value.getNano());
        }
    }

    private void duration(Duration value) {
        if (present(value)) {
            hash.putLong(value.getSeconds());
            hash.putInt(value.getNano());
        }
    }

    /** Writes the present/absent marker that precedes an optional value. */
    private boolean present(Object value) {
        hash.putChar(value == null ? '0' : '1');
        return value != null;
    }
}
