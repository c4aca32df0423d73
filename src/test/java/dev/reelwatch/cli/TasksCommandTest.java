package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch tasks}: the offline view of the cache. */
class TasksCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-23T17:40:00Z");

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        cli.run("accounts", "add", "--provider", "meshapi", "--name", "studio", "--api-key-env", "MESH_KEY");
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
    }

    private static Task task(String id, TaskStatus status, int minutesAfterT0, String prompt) {
        return Task.builder(id, status).createdAt(T0.plusSeconds(60L * minutesAfterT0)).prompt(prompt).build();
    }

    private JsonNode tasksJson(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("tasks", "--json"));
        args.addAll(List.of(filters));
        CliHarness.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray(), r::toString);
        return array;
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(t -> t.get("id").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void emptyCacheSaysHowToFillIt() throws Exception {
        CliHarness.Result r = cli.run("tasks");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("No tasks cached yet. Add an account with `reelwatch accounts add` and run `reelwatch sync`.",
                r.out().strip());
        assertEquals(0, tasksJson().size());
    }

    @Test
    void tableListsNewestFirstInAlignedColumnsThatFitAHundredColumns() {
        String longPrompt = "A slow dolly shot through a neon-lit night market in the rain, ".repeat(4)
                + "\nsecond line never shown";
        cli.cache("studio",
                task("cgt-older", TaskStatus.SUCCEEDED, 0, "A red fox in the snow"),
                task("cgt-0123456789abcdef0123456789abcdef-long", TaskStatus.RUNNING, 20, longPrompt)
                        .toBuilder().progress(42).build());
        cli.cache("desk", task("mpt-middle", TaskStatus.FAILED, 10, "city at night"));
        cli.terminal = new Terminal(true, false);

        CliHarness.Result r = cli.run("tasks");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r::toString);
        assertTrue(lines.get(0).matches("STATUS +ACCOUNT +ID +PROGRESS +CREATED \\(UTC\\) +PROMPT"), r::toString);
        assertTrue(lines.get(1).startsWith("running "), r::toString);
        assertTrue(lines.get(1).contains("42%") && lines.get(1).contains("2026-11-23 18:00"), r::toString);
        assertTrue(lines.get(1).contains("A slow dolly shot") && lines.get(1).endsWith("…"), r::toString);
        assertFalse(r.out().contains("second line"), r::toString);
        assertTrue(lines.get(2).startsWith("failed ") && lines.get(2).contains("mpt-middle"), r::toString);
        assertTrue(lines.get(3).startsWith("succeeded ") && lines.get(3).contains("cgt-older")
                && lines.get(3).contains(" - "), r::toString);
        assertEquals("3 tasks", lines.get(4));
        for (String line : lines) {
            assertTrue(line.length() <= 100, () -> "too wide (" + line.length() + "): " + line);
        }
        int promptColumn = lines.get(0).indexOf("PROMPT");
        assertEquals(promptColumn, lines.get(3).indexOf("A red fox"), "columns line up");
        assertEquals(lines.get(0).indexOf("ID"), lines.get(2).indexOf("mpt-middle"), "columns line up");
    }

    @Test
    void jsonElementHasTheDocumentedFieldsWithTheirTypes() throws Exception {
        Task rich = Task.builder("cgt-rich", TaskStatus.SUCCEEDED)
                .providerStatus("succeeded")
                .progress(100)
                .model("seedance-1-0-pro")
                .prompt("Ünïcode prompt 🎬\nwith two lines")
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(95))
                .addOutput(new TaskOutput(0, "https://cdn.example.com/v.mp4", OutputKind.VIDEO,
                        Instant.parse("2026-11-24T17:40:00Z"), 2048L, "ab12", "video/mp4", false))
                .addOutput(new TaskOutput(1, "https://cdn.example.com/last.jpg", OutputKind.IMAGE, null, null, null,
                        "image/jpeg", false))
                .thumbnailUrl("https://cdn.example.com/last.jpg")
                .cost(Cost.tokens(1500))
                .build();
        cli.cache("studio", rich);
        StoredTask stored = cli.withServices(s -> s.tasks().find(cli.account("studio").id(), "cgt-rich")).orElseThrow();
        long videoOutput = stored.outputs().get(0).id();
        cli.withServices(s -> {
            s.tasks().updateArchive(videoOutput, ArchiveState.ARCHIVED, "/library/studio/cgt-rich.mp4", 2048L, "ab12",
                    100, null);
            return null;
        });

        JsonNode array = tasksJson();
        assertEquals(1, array.size());
        JsonNode t = array.get(0);

        assertEquals(List.of("account", "provider", "id", "local_id", "status", "provider_status", "progress", "model",
                "prompt", "created_at", "updated_at", "video_url", "expires_at", "error", "local_file",
                "thumbnail_url", "cost", "on_provider", "starred", "tags", "note", "outputs", "expiry_source",
                "first_seen_at", "finished_seen_at"), fieldNames(t));
        assertEquals("studio", t.get("account").asText());
        assertEquals("meshapi", t.get("provider").asText());
        assertEquals("cgt-rich", t.get("id").asText());
        assertEquals(stored.id(), t.get("local_id").asLong());
        assertTrue(t.get("local_id").isIntegralNumber());
        assertEquals("succeeded", t.get("status").asText());
        assertEquals("succeeded", t.get("provider_status").asText());
        assertTrue(t.get("progress").isInt());
        assertEquals(100, t.get("progress").asInt());
        assertEquals("seedance-1-0-pro", t.get("model").asText());
        assertEquals("Ünïcode prompt 🎬\nwith two lines", t.get("prompt").asText());
        assertEquals("2026-11-23T17:40:00Z", t.get("created_at").asText());
        assertEquals("2026-11-23T17:41:35Z", t.get("updated_at").asText());
        assertEquals("https://cdn.example.com/v.mp4", t.get("video_url").asText());
        assertEquals("2026-11-24T17:40:00Z", t.get("expires_at").asText());
        assertTrue(t.get("error").isNull());
        assertEquals("/library/studio/cgt-rich.mp4", t.get("local_file").asText());
        assertEquals("https://cdn.example.com/last.jpg", t.get("thumbnail_url").asText());
        assertEquals(List.of("amount", "unit", "currency"), fieldNames(t.get("cost")));
        assertTrue(t.get("cost").get("amount").isNumber());
        assertEquals(0, new BigDecimal("1500").compareTo(t.get("cost").get("amount").decimalValue()));
        assertEquals("tokens", t.get("cost").get("unit").asText());
        assertEquals("", t.get("cost").get("currency").asText());
        assertTrue(t.get("on_provider").isBoolean());
        assertTrue(t.get("on_provider").asBoolean());
        assertTrue(t.get("starred").isBoolean());
        assertFalse(t.get("starred").asBoolean());
        assertTrue(t.get("tags").isArray());
        assertEquals(0, t.get("tags").size());
        assertTrue(t.get("note").isNull());

        JsonNode outputs = t.get("outputs");
        assertTrue(outputs.isArray());
        assertEquals(2, outputs.size());
        JsonNode video = outputs.get(0);
        assertEquals(List.of("url", "kind", "expires_at", "bytes", "sha256", "local_file", "archive_state",
                "expiry_source", "refusal", "link_expired_at"), fieldNames(video));
        assertEquals("provider", video.get("expiry_source").asText(), "a stated expires_at");
        assertEquals("provider", t.get("expiry_source").asText());
        assertTrue(t.get("first_seen_at").isTextual());
        assertEquals("https://cdn.example.com/v.mp4", video.get("url").asText());
        assertEquals("video", video.get("kind").asText());
        assertEquals("2026-11-24T17:40:00Z", video.get("expires_at").asText());
        assertTrue(video.get("bytes").isIntegralNumber());
        assertEquals(2048, video.get("bytes").asLong());
        assertEquals("ab12", video.get("sha256").asText());
        assertEquals("/library/studio/cgt-rich.mp4", video.get("local_file").asText());
        assertEquals("archived", video.get("archive_state").asText());
        JsonNode image = outputs.get(1);
        assertEquals("image", image.get("kind").asText());
        assertTrue(image.get("expires_at").isNull());
        assertTrue(image.get("expiry_source").isNull(), "no expiry, no source");
        assertTrue(image.get("bytes").isNull());
        assertTrue(image.get("sha256").isNull());
        assertTrue(image.get("local_file").isNull());
        assertEquals("none", image.get("archive_state").asText());
    }

    @Test
    void jsonHasNullsWhereTheProviderToldNothing() throws Exception {
        cli.cache("desk", Task.builder("mpt-bare", TaskStatus.FAILED).providerStatus("-1")
                .error(new TaskError("E42", "ffmpeg exited with 1")).build());

        JsonNode t = tasksJson().get(0);

        assertEquals("desk", t.get("account").asText());
        assertEquals("moneyprinterturbo", t.get("provider").asText());
        assertEquals("failed", t.get("status").asText());
        assertTrue(t.get("provider_status").isTextual());
        assertEquals("-1", t.get("provider_status").asText());
        for (String field : List.of("progress", "model", "prompt", "created_at", "updated_at", "video_url",
                "expires_at", "local_file", "thumbnail_url", "cost")) {
            assertTrue(t.get(field).isNull(), () -> field + " should be null in " + t);
        }
        assertEquals(List.of("code", "message"), fieldNames(t.get("error")));
        assertEquals("E42", t.get("error").get("code").asText());
        assertEquals("ffmpeg exited with 1", t.get("error").get("message").asText());
        assertEquals(0, t.get("outputs").size());
    }

    @Test
    void statusFilterIsRepeatableCommaSeparatedAndCaseInsensitive() throws Exception {
        cli.cache("studio",
                task("q", TaskStatus.QUEUED, 1, "a"),
                task("r", TaskStatus.RUNNING, 2, "b"),
                task("s", TaskStatus.SUCCEEDED, 3, "c"),
                task("f", TaskStatus.FAILED, 4, "d"),
                task("c", TaskStatus.CANCELLED, 5, "e"));

        assertEquals(List.of("c", "f", "q"), ids(tasksJson("--status", "FAILED,cancelled", "--status", "Queued")));
        assertEquals(List.of("s"), ids(tasksJson("--status", "succeeded")));
        assertEquals(List.of("c", "f", "s", "r", "q"), ids(tasksJson()));
    }

    @Test
    void unknownStatusIsBadUsageListingTheValidOnes() {
        CliHarness.Result r = cli.run("tasks", "--status", "running,done");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown status 'done'"), r::toString);
        assertTrue(r.err().contains("queued, running, succeeded, failed, cancelled, expired"), r::toString);
    }

    @Test
    void accountFilterShowsOneAccountAndUnknownAccountFails() throws Exception {
        cli.cache("studio", task("m-1", TaskStatus.RUNNING, 1, "a"));
        cli.cache("desk", task("d-1", TaskStatus.RUNNING, 2, "b"));

        assertEquals(List.of("m-1"), ids(tasksJson("--account", "STUDIO")));
        assertEquals(List.of("d-1"), ids(tasksJson("--account", "desk")));

        CliHarness.Result unknown = cli.run("tasks", "--account", "nobody");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("There is no account named 'nobody'"), unknown::toString);
    }

    @Test
    void searchMatchesPromptWordsByPrefixAndCombinesWithOtherFilters() throws Exception {
        cli.cache("studio",
                task("fox-1", TaskStatus.SUCCEEDED, 1, "A red fox in the snow"),
                task("city-1", TaskStatus.RUNNING, 2, "Neon city at night"),
                task("fox-2", TaskStatus.FAILED, 3, "Foxes playing at dawn"));

        assertEquals(List.of("fox-2", "fox-1"), ids(tasksJson("--search", "fox")));
        assertEquals(List.of("fox-1"), ids(tasksJson("--search", "fox", "--status", "succeeded")));
        assertEquals(List.of("city-1"), ids(tasksJson("--search", "neon cit")));
        assertEquals(List.of(), ids(tasksJson("--search", "whale")));
    }

    @Test
    void filtersThatMatchNothingSayThat() {
        cli.cache("studio", task("m-1", TaskStatus.RUNNING, 1, "a"));

        CliHarness.Result r = cli.run("tasks", "--status", "expired");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("No cached tasks match these filters.", r.out().strip());
    }

    @Test
    void tasksGoneFromTheProviderStayListedAndSayso() throws Exception {
        cli.cache("studio", task("gone", TaskStatus.SUCCEEDED, 1, "a"), task("here", TaskStatus.SUCCEEDED, 2, "b"));
        long accountId = cli.account("studio").id();
        cli.withServices(s -> s.tasks().markGoneFromProvider(accountId, Set.of("gone")));

        JsonNode array = tasksJson();

        assertEquals(List.of("here", "gone"), ids(array));
        assertTrue(array.get(0).get("on_provider").asBoolean());
        assertFalse(array.get(1).get("on_provider").asBoolean());
    }
}
