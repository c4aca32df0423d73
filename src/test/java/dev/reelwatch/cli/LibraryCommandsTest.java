package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.usage.UsageFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code star}, {@code tag}, {@code note}, {@code tasks --starred/--tag} and {@code usage}, run for real. */
class LibraryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-23T17:40:00Z");

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
    }

    private void twoTasks() {
        cli.run("accounts", "add", "--provider", "meshapi", "--name", "studio");
        cli.cache("studio",
                Task.builder("fox-1", TaskStatus.SUCCEEDED).createdAt(T0).prompt("A red fox").build(),
                Task.builder("city-1", TaskStatus.FAILED).createdAt(T0.plusSeconds(60)).prompt("Neon city").build());
    }

    @Test
    void starTagAndNoteShowInTasksJsonAndFilterIt() throws Exception {
        twoTasks();
        assertOk(cli.run("star", "fox-1"));
        assertOk(cli.run("tag", "fox-1", "Portfolio", "winter"));
        assertOk(cli.run("tag", "city-1", "portfolio"));
        CliHarness.Result noted = cli.run("note", "fox-1", "best", "take");
        assertOk(noted);
        assertEquals("Saved the note of fox-1.", noted.out().strip());

        JsonNode all = tasksJson();
        JsonNode city = all.get(0);
        JsonNode fox = all.get(1);
        assertTrue(fox.get("starred").asBoolean());
        assertEquals(List.of("portfolio", "winter"), texts(fox.get("tags")));
        assertEquals("best take", fox.get("note").asText());
        assertEquals(false, city.get("starred").asBoolean());
        assertTrue(city.get("note").isNull());

        assertEquals(List.of("fox-1"), ids(tasksJson("--starred")));
        assertEquals(List.of("city-1", "fox-1"), ids(tasksJson("--tag", "PORTFOLIO")));
        assertEquals(List.of("fox-1"), ids(tasksJson("--tag", "winter")));
        assertEquals(List.of("fox-1"), ids(tasksJson("--search", "best")), "notes are searchable");
        assertEquals(List.of(), ids(tasksJson("--starred", "--tag", "none-such")));
    }

    @Test
    void tagsComeOffNotesClearAndStarsGoOffByLocalIdToo() throws Exception {
        twoTasks();
        long localId = tasksJson().get(1).get("local_id").asLong();
        assertOk(cli.run("star", String.valueOf(localId)));
        assertOk(cli.run("tag", "fox-1", "a", "b"));
        CliHarness.Result removed = cli.run("tag", "--remove", "fox-1", "a");
        assertEquals("fox-1 tags: b", removed.out().strip());
        assertOk(cli.run("note", "fox-1", "x"));
        assertOk(cli.run("note", "--clear", "fox-1"));
        assertEquals("(no note)", cli.run("note", "fox-1").out().strip());
        assertOk(cli.run("star", "--off", "fox-1"));

        JsonNode fox = tasksJson().get(1);
        assertEquals(false, fox.get("starred").asBoolean());
        assertEquals(List.of("b"), texts(fox.get("tags")));
        assertTrue(fox.get("note").isNull());
    }

    @Test
    void anUnknownTaskIdIsAPlainFailure() {
        twoTasks();
        CliHarness.Result r = cli.run("star", "nope");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("No cached task has the id 'nope'"), r::toString);
    }

    @Test
    void usageJsonHasOneObjectPerProviderWithCostPerUnit() throws Exception {
        cli.withServices(s -> {
            UsageFixture.fill(s.accounts(), s.tasks());
            return null;
        });

        JsonNode array = usageJson("--since", "2025-03-01");
        assertEquals(3, array.size());
        JsonNode phaseo = array.get(1);
        assertEquals(List.of("group", "tasks", "succeeded", "failed", "cost"), fieldNames(phaseo));
        assertEquals("phaseo", phaseo.get("group").asText());
        assertEquals(4, phaseo.get("tasks").asInt());
        assertTrue(phaseo.get("tasks").isInt());
        assertEquals(2, phaseo.get("succeeded").asInt());
        assertEquals(1, phaseo.get("failed").asInt());
        JsonNode cost = phaseo.get("cost");
        assertEquals(2, cost.size(), "euros and dollars apart");
        assertEquals(List.of("amount", "unit"), fieldNames(cost.get(0)));
        assertEquals("EUR", cost.get(0).get("unit").asText());
        assertEquals(0, new BigDecimal("0.10").compareTo(cost.get(0).get("amount").decimalValue()));
        assertTrue(cost.get(0).get("amount").isNumber());
        assertEquals("USD", cost.get(1).get("unit").asText());
        assertEquals(0, new BigDecimal("1.00").compareTo(cost.get(1).get("amount").decimalValue()));
        assertEquals("tokens", array.get(0).get("cost").get(0).get("unit").asText());
        assertEquals(3200, array.get(0).get("cost").get(0).get("amount").asInt());
    }

    @Test
    void usageByModelWithoutSinceCountsEverything() throws Exception {
        cli.withServices(s -> {
            UsageFixture.fill(s.accounts(), s.tasks());
            return null;
        });

        JsonNode array = usageJson("--by", "model");
        List<String> groups = StreamSupport.stream(array.spliterator(), false).map(n -> n.get("group").asText()).toList();
        assertEquals(List.of("veo-3", "kling-1.6", "character-3", "veo-2"), groups);
        assertEquals(0, array.get(2).get("failed").asInt());
        assertEquals("credits", array.get(2).get("cost").get(0).get("unit").asText());
        assertEquals(1, array.get(3).get("succeeded").asInt(), "the older veo-2 task counts without --since");
    }

    @Test
    void usageTableNamesUnitsAndBadOptionsAreUsageErrors() {
        cli.withServices(s -> {
            UsageFixture.fill(s.accounts(), s.tasks());
            return null;
        });

        CliHarness.Result table = cli.run("usage", "--by", "model", "--since", "2025-03-01");
        assertOk(table);
        String veo = table.out().lines().filter(l -> l.startsWith("veo-3")).findFirst().orElseThrow();
        assertTrue(veo.contains("80%") && veo.contains("2m30s") && veo.contains("3,200 tokens, 0.60 USD"), veo);
        assertEquals(2, cli.run("usage", "--by", "colour").exitCode());
        assertEquals(2, cli.run("usage", "--since", "last tuesday").exitCode());
    }

    private static void assertOk(CliHarness.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
    }

    private JsonNode tasksJson(String... filters) throws Exception {
        return json("tasks", filters);
    }

    private JsonNode usageJson(String... options) throws Exception {
        return json("usage", options);
    }

    private JsonNode json(String command, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--json"));
        args.addAll(List.of(options));
        CliHarness.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray(), r::toString);
        return array;
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(t -> t.get("id").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
