package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch failures} over a real cache, and {@code accounts pause/resume} with {@code list --json}. */
class FailuresCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        cli.run("accounts", "add", "--provider", "meshapi", "--name", "studio", "--api-key-env", "MESH_KEY");
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        cli.run("accounts", "add", "--provider", "meshapi", "--name", "second", "--api-key-env", "MESH_KEY2");
    }

    private static Task failed(String id, int day, String model, String code, String message) {
        Task.Builder b = Task.builder(id, TaskStatus.FAILED).model(model).createdAt(T0.plusSeconds(day * 86_400L))
                .completedAt(T0.plusSeconds(day * 86_400L + 60));
        if (code != null || message != null) {
            b.error(new TaskError(code, message));
        }
        return b.build();
    }

    private void cacheFailures() {
        cli.cache("studio",
                failed("m-1", 0, "kling", "InputTextSensitiveContentDetected", "The prompt may contain sensitive text."),
                failed("m-2", 3, "kling", "InputTextSensitiveContentDetected", "The prompt may contain sensitive text."),
                failed("m-3", 5, "veo", "InputTextSensitiveContentDetected", "The prompt may contain sensitive text."),
                failed("m-4", 6, "veo", "InternalServiceError", "Unexpected internal error."),
                failed("m-5", 7, "veo", null, null),
                Task.builder("m-ok", TaskStatus.SUCCEEDED).createdAt(T0).build());
        cli.cache("second",
                failed("s-1", 4, "kling", "InputTextSensitiveContentDetected", "The prompt may contain sensitive text."));
        cli.cache("desk",
                failed("p-1", 1, "", null, "Task 9f2c1e77 failed: could not download https://cdn.example/a/1.mp4 (HTTP 404)"),
                failed("p-2", 2, "", null, "Task 0d3f8a10 failed: could not download https://cdn.example/b/22.mp4 (HTTP 404)"),
                failed("p-3", 8, "", null, "ffmpeg exited with code 1 after 35.5 s"));
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("failures", "--json"));
        all.addAll(List.of(args));
        CliHarness.Result r = cli.run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void failuresJsonGroupsCodedUncodedAndMaskedMessagesLargestFirst() throws Exception {
        cacheFailures();

        JsonNode groups = json();

        assertEquals(5, groups.size(), groups.toPrettyString());
        JsonNode sensitive = groups.get(0);
        List<String> fields = new ArrayList<>();
        sensitive.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("provider", "code", "message", "count", "first_at", "last_at", "accounts", "models",
                "examples"), fields);
        assertEquals("meshapi", sensitive.get("provider").asText());
        assertEquals("InputTextSensitiveContentDetected", sensitive.get("code").asText());
        assertEquals("The prompt may contain sensitive text.", sensitive.get("message").asText());
        assertEquals(4, sensitive.get("count").asInt());
        assertEquals("2026-11-01T09:01:00Z", sensitive.get("first_at").asText());
        assertEquals("2026-11-06T09:01:00Z", sensitive.get("last_at").asText());
        assertEquals("[\"second\",\"studio\"]", sensitive.get("accounts").toString());
        assertEquals("[\"kling\",\"veo\"]", sensitive.get("models").toString());
        assertEquals("[\"m-3\",\"s-1\",\"m-2\"]", sensitive.get("examples").toString(), "three, newest first");

        JsonNode masked = groups.get(1);
        assertEquals("moneyprinterturbo", masked.get("provider").asText());
        assertTrue(masked.get("code").isNull());
        assertEquals("Task <id> failed: could not download <url> (HTTP <n>)", masked.get("message").asText());
        assertEquals(2, masked.get("count").asInt());
        assertEquals("[\"p-2\",\"p-1\"]", masked.get("examples").toString());
        assertEquals("[]", masked.get("models").toString());

        JsonNode noInfo = find(groups, "meshapi", null, null);
        assertEquals(1, noInfo.get("count").asInt());
        assertEquals("[\"m-5\"]", noInfo.get("examples").toString());
        assertEquals("InternalServiceError", find(groups, "meshapi", "InternalServiceError", "Unexpected internal error.")
                .get("code").asText());
        assertEquals(1, find(groups, "moneyprinterturbo", null, "ffmpeg exited with code <n> after <n> s")
                .get("count").asInt());
        for (int i = 1; i < groups.size(); i++) {
            assertTrue(groups.get(i - 1).get("count").asInt() >= groups.get(i).get("count").asInt());
        }
    }

    private static JsonNode find(JsonNode groups, String provider, String code, String message) {
        for (JsonNode g : groups) {
            if (g.get("provider").asText().equals(provider)
                    && (code == null ? g.get("code").isNull() : code.equals(g.get("code").asText()))
                    && (message == null ? g.get("message").isNull() : message.equals(g.get("message").asText()))) {
                return g;
            }
        }
        throw new AssertionError("no group " + provider + "/" + code + "/" + message + " in " + groups.toPrettyString());
    }

    @Test
    void failuresNarrowByAccountAndSince() throws Exception {
        cacheFailures();

        JsonNode desk = json("--account", "DESK");
        assertEquals(2, desk.size());
        assertTrue(desk.findValues("provider").stream().allMatch(p -> p.asText().equals("moneyprinterturbo")));

        JsonNode recent = json("--since", "2026-11-06");
        int total = 0;
        for (JsonNode g : recent) {
            total += g.get("count").asInt();
        }
        assertEquals(4, total, recent.toPrettyString());
        assertEquals(json("--since", "2026-11-06T00:00:00Z"), recent);

        CliHarness.Result bad = cli.run("failures", "--since", "last week");
        assertEquals(2, bad.exitCode(), bad.toString());
        CliHarness.Result unknown = cli.run("failures", "--account", "nobody");
        assertEquals(1, unknown.exitCode(), unknown.toString());
    }

    @Test
    void failuresPrintsAReadableTable() {
        cacheFailures();

        CliHarness.Result r = cli.run("failures");

        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("COUNT +PROVIDER +CODE +LAST FAILED +ACCOUNTS"), lines.get(0));
        assertTrue(lines.get(1).matches(" +4 +meshapi +InputTextSensitiveContentDetected +2026-11-06 +second, studio"),
                lines.get(1));
        assertEquals("       The prompt may contain sensitive text.", lines.get(2));
        assertTrue(lines.get(3).contains("first 2026-11-01 · models: kling, veo · e.g. m-3, s-1, m-2"), lines.get(3));
        assertTrue(r.out().contains("(the provider gave no error code or message)"), r.out());
        assertTrue(lines.stream().allMatch(l -> l.length() <= TableWidth.COLUMNS), r.out());
        assertEquals("No failed tasks since 2030-01-01.", cli.run("failures", "--since", "2030-01-01").out().strip());
    }

    @Test
    void pauseAndResumeAreStoredAndListed() throws Exception {
        CliHarness.Result pause = cli.run("accounts", "pause", "desk");
        assertEquals(0, pause.exitCode(), pause.toString());
        assertTrue(pause.out().startsWith("Paused 'desk'"), pause.out());
        assertTrue(cli.run("accounts", "pause", "Desk").out().contains("already paused"));

        JsonNode listed = Json.mapper().readTree(cli.run("accounts", "list", "--json").out());
        for (JsonNode a : listed) {
            assertTrue(a.get("paused").isBoolean());
            assertEquals(a.get("name").asText().equals("desk"), a.get("paused").asBoolean(), a.toString());
        }
        assertTrue(cli.run("accounts", "list").out().contains("enabled, paused"));

        CliHarness.Result resume = cli.run("accounts", "resume", "desk");
        assertEquals(0, resume.exitCode(), resume.toString());
        assertTrue(resume.out().startsWith("Resumed 'desk'"), resume.out());
        JsonNode after = Json.mapper().readTree(cli.run("accounts", "list", "--json").out());
        for (JsonNode a : after) {
            assertEquals(false, a.get("paused").asBoolean());
        }
        assertEquals(1, cli.run("accounts", "pause", "nobody").exitCode());
    }
}
