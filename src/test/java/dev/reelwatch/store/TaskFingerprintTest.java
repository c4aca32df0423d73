package dev.reelwatch.store;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.reelwatch.core.ExpirySource.PROVIDER;
import static dev.reelwatch.core.OutputKind.VIDEO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskFingerprintTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES = T0.plusSeconds(3600);
    private static final String URL = "https://cdn.example/a.mp4";
    private static final String MP4 = "video/mp4";

    /** A task with every field set, so each variation below changes exactly one thing. */
    static Task fullTask(String providerTaskId) {
        return Task.builder(providerTaskId, TaskStatus.SUCCEEDED)
                .accountId(7)
                .providerStatus("completed")
                .progress(100)
                .prompt("A fox\njumps")
                .model("veo-3")
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(5))
                .startedAt(T0.plusSeconds(1))
                .completedAt(T0.plusSeconds(9))
                .duration(Duration.ofMillis(8500))
                .resolution("1920x1080")
                .aspectRatio("16:9")
                .fps(29.97)
                .seed(-77L)
                .addOutput(new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab12", MP4, false, PROVIDER, null))
                .thumbnailUrl("https://cdn.example/a.jpg")
                .error(new TaskError("E1", "content policy"))
                .cost(Cost.money(new BigDecimal("0.40"), "USD"))
                .etaSeconds(12)
                .pollAfter(Duration.ofSeconds(20))
                .parameter("style", "noir")
                .parameter("camera", "dolly")
                .rawJson("{\"id\":\"" + providerTaskId + "\",\"status\":\"completed\"}")
                .build();
    }

    /** One change per field of a task (and of its output, error and cost), null against empty included. */
    static Map<String, UnaryOperator<Task.Builder>> singleFieldChanges() {
        Map<String, UnaryOperator<Task.Builder>> changes = new LinkedHashMap<>();
        changes.put("status", b -> b.status(TaskStatus.FAILED));
        changes.put("providerStatus", b -> b.providerStatus("done"));
        changes.put("progress", b -> b.progress(99));
        changes.put("progress null", b -> b.progress(null));
        changes.put("prompt", b -> b.prompt("A fox\njumps!"));
        changes.put("prompt empty", b -> b.prompt(""));
        changes.put("prompt null", b -> b.prompt(null));
        changes.put("model", b -> b.model("veo-2"));
        changes.put("createdAt", b -> b.createdAt(T0.plusMillis(1)));
        changes.put("createdAt nanos", b -> b.createdAt(T0.plusNanos(1)));
        changes.put("updatedAt", b -> b.updatedAt(null));
        changes.put("startedAt", b -> b.startedAt(T0.plusSeconds(2)));
        changes.put("completedAt", b -> b.completedAt(T0.plusSeconds(10)));
        changes.put("duration", b -> b.duration(Duration.ofMillis(8501)));
        changes.put("resolution", b -> b.resolution("1280x720"));
        changes.put("aspectRatio", b -> b.aspectRatio("9:16"));
        changes.put("fps", b -> b.fps(30.0));
        changes.put("fps null", b -> b.fps(null));
        changes.put("seed", b -> b.seed(77L));
        changes.put("seed null", b -> b.seed(null));
        changes.put("outputs none", b -> b.outputs(List.of()));
        changes.put("outputs another", b -> b.addOutput(TaskOutput.video(1, "https://cdn.example/b.mp4")));
        changes.put("output index", b -> only(b, new TaskOutput(1, URL, VIDEO, EXPIRES, 1234L, "ab12", MP4, false,
                PROVIDER, null)));
        changes.put("output url", b -> only(b, new TaskOutput(0, URL + "?x", VIDEO, EXPIRES, 1234L, "ab12", MP4, false,
                PROVIDER, null)));
        changes.put("output kind", b -> only(b, new TaskOutput(0, URL, OutputKind.COMBINED_VIDEO, EXPIRES, 1234L,
                "ab12", MP4, false, PROVIDER, null)));
        changes.put("output expiresAt", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES.plusSeconds(1), 1234L,
                "ab12", MP4, false, PROVIDER, null)));
        changes.put("output bytes", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, null, "ab12", MP4, false,
                PROVIDER, null)));
        changes.put("output sha256", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab13", MP4, false,
                PROVIDER, null)));
        changes.put("output mimeType", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab12", "", false,
                PROVIDER, null)));
        changes.put("output requiresAuth", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab12", MP4,
                true, PROVIDER, null)));
        changes.put("output expirySource", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab12", MP4,
                false, ExpirySource.INFERRED, null)));
        changes.put("output refusal", b -> only(b, new TaskOutput(0, URL, VIDEO, EXPIRES, 1234L, "ab12", MP4, false,
                PROVIDER, "outside the task's folder")));
        changes.put("thumbnailUrl", b -> b.thumbnailUrl("https://cdn.example/b.jpg"));
        changes.put("error code", b -> b.error(new TaskError("E2", "content policy")));
        changes.put("error message", b -> b.error(new TaskError("E1", "content policy.")));
        changes.put("error empty", b -> b.error(new TaskError("", "")));
        changes.put("error null", b -> b.error(null));
        changes.put("cost amount", b -> b.cost(Cost.money(new BigDecimal("0.41"), "USD")));
        changes.put("cost scale", b -> b.cost(Cost.money(new BigDecimal("0.4"), "USD")));
        changes.put("cost unit", b -> b.cost(new Cost(new BigDecimal("0.40"), CostUnit.CREDITS, "USD")));
        changes.put("cost currency", b -> b.cost(Cost.money(new BigDecimal("0.40"), "EUR")));
        changes.put("cost null", b -> b.cost(null));
        changes.put("etaSeconds", b -> b.etaSeconds(13));
        changes.put("pollAfter", b -> b.pollAfter(Duration.ofSeconds(21)));
        changes.put("parameter value", b -> b.parameter("camera", "crane"));
        changes.put("parameter added", b -> b.parameter("lens", "35mm"));
        changes.put("parameter order", b -> reordered(b));
        changes.put("rawJson", b -> b.rawJson("{\"id\":\"other\"}"));
        changes.put("rawJson empty object", b -> b.rawJson(null));
        return changes;
    }

    private static Task.Builder only(Task.Builder b, TaskOutput output) {
        return b.outputs(List.of(output));
    }

    /** The same parameters in the other order: the order is the provider's, and is stored. */
    private static Task.Builder reordered(Task.Builder b) {
        Task t = b.build();
        Map<String, String> swapped = new LinkedHashMap<>();
        swapped.put("camera", "dolly");
        swapped.put("style", "noir");
        return new Task(t.accountId(), t.providerTaskId(), t.status(), t.providerStatus(), t.progress(), t.prompt(),
                t.model(), t.createdAt(), t.updatedAt(), t.startedAt(), t.completedAt(), t.duration(), t.resolution(),
                t.aspectRatio(), t.fps(), t.seed(), t.outputs(), t.thumbnailUrl(), t.error(), t.cost(),
                t.etaSeconds(), t.pollAfter(), swapped, t.rawJson()).toBuilder();
    }

    @Test
    void equalTasksHaveEqualFingerprintsInTheCurrentFormat() {
        String fingerprint = TaskFingerprint.of(fullTask("t1"));

        assertEquals(fingerprint, TaskFingerprint.of(fullTask("t1")));
        assertTrue(fingerprint.matches("v2:[0-9a-f]{32}"), fingerprint);
    }

    @Test
    void everySingleFieldChangeChangesTheFingerprint() {
        Map<String, String> seen = new HashMap<>();
        seen.put(TaskFingerprint.of(fullTask("t1")), "unchanged");
        seen.put(TaskFingerprint.of(fullTask("t2")), "providerTaskId");
        seen.put(TaskFingerprint.of(fullTask("t1").withAccountId(8)), "accountId");
        singleFieldChanges().forEach((name, change) -> {
            Task changed = change.apply(fullTask("t1").toBuilder()).build();
            // As the old format saw it (parameters in another order are equal maps but another text).
            assertNotEquals(fullTask("t1").toString(), changed.toString(), name + " is no change at all");
            String clash = seen.put(TaskFingerprint.of(changed), name);
            assertNull(clash, name + " has the fingerprint of " + clash);
        });
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        Task.Builder base = fullTask("t1").toBuilder();
        assertNotEquals(TaskFingerprint.of(base.prompt("ab").model("c").build()),
                TaskFingerprint.of(base.prompt("a").model("bc").build()));
        assertNotEquals(TaskFingerprint.of(base.prompt("").model(null).build()),
                TaskFingerprint.of(base.prompt(null).model("").build()));
        assertNotEquals(TaskFingerprint.of(base.progress(null).etaSeconds(5).build()),
                TaskFingerprint.of(base.progress(5).etaSeconds(null).build()));
        Task.Builder plain = Task.builder("t1", TaskStatus.QUEUED);
        assertNotEquals(TaskFingerprint.of(plain.parameter("a", "bc").build()),
                TaskFingerprint.of(Task.builder("t1", TaskStatus.QUEUED).parameter("ab", "c").build()));
    }

    @Test
    void theFormatIsPinnedSoItCannotChangeUnderTheSamePrefix() {
        // Changing this value means every cached task looks changed once: only ever with a new prefix.
        assertEquals("v2:cdfbec0dc7a28dc36578ff5e5b98dcd4", TaskFingerprint.of(fullTask("t1")));
    }

    @Test
    void theOldFormatIsStillComputedAsEarlierVersionsStoredIt() {
        // SHA-256 of the record's toString, as Reelwatch stored it before "v2:"; the value that code computed.
        assertEquals("5938aa714283278197fb668ff55efe4c2ffa9cf67045671d5a07bcecf341cce4",
                TaskFingerprint.legacy(fullTask("t1")));
    }

    @Test
    void aStoredFingerprintMatchesInEitherFormat() {
        Task task = fullTask("t1");
        Task changed = task.toBuilder().progress(50).build();
        String current = TaskFingerprint.of(task);

        assertTrue(TaskFingerprint.matches(current, current, task));
        assertTrue(TaskFingerprint.matches(TaskFingerprint.legacy(task), current, task));
        assertFalse(TaskFingerprint.matches(TaskFingerprint.legacy(task), TaskFingerprint.of(changed), changed));
        assertFalse(TaskFingerprint.matches(TaskFingerprint.of(changed), current, task));
        assertFalse(TaskFingerprint.matches(null, current, task));
        assertFalse(TaskFingerprint.matches("x", current, task));
    }

    /** A new field of these records must go into the fingerprint (under a new prefix) before this passes. */
    @Test
    void theFingerprintCoversEveryComponentOfTheTaskRecords() {
        assertEquals(List.of("accountId", "providerTaskId", "status", "providerStatus", "progress", "prompt", "model",
                "createdAt", "updatedAt", "startedAt", "completedAt", "duration", "resolution", "aspectRatio", "fps",
                "seed", "outputs", "thumbnailUrl", "error", "cost", "etaSeconds", "pollAfter", "parameters",
                "rawJson"), components(Task.class));
        assertEquals(List.of("index", "url", "kind", "expiresAt", "bytes", "sha256", "mimeType", "requiresAuth",
                "expirySource", "refusal"), components(TaskOutput.class));
        assertEquals(List.of("code", "message"), components(TaskError.class));
        assertEquals(List.of("amount", "unit", "currency"), components(Cost.class));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void theHashIsMurmur3OverTheValuesBytes() {
        // Reference values: Guava's Hashing.murmur3_128() over the same chars (UTF-16LE), ints and longs.
        Murmur3Hasher empty = new Murmur3Hasher();
        assertEquals("00000000000000000000000000000000", empty.hex());
        Murmur3Hasher fox = new Murmur3Hasher();
        fox.putChars("The quick brown fox jumps over the lazy dog");
        assertEquals("c0026631b551ae4ce75f3e8442567c1c", fox.hex());
        Murmur3Hasher mixed = new Murmur3Hasher();
        mixed.putInt(-1);
        mixed.putChars("aé€");
        mixed.putLong(0x0123456789abcdefL);
        mixed.putChar('z');
        assertEquals("2afde52595f6bdc5931a2e5c24bdfe4c", mixed.hex());
    }
}
