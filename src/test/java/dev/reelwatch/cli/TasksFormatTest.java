package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.HistoryCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tasks --format table|json|ndjson|csv}, {@code --since}, {@code --limit}, and text safe for a terminal. */
class TasksFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String TRICKY = "A \"quoted\" shot, with commas,\nand a second line";
    private static final String JAPANESE = "雨の夜の東京、ネオンが反射する";
    private static final String ARABIC = "قارب ورقي في شارع ممطر";
    private static final String BIDI = "safe\u202Etxt.exe\u202C and \u001B[31mred";

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk, east");
        cli.cache("desk, east",
                Task.builder("t-1", TaskStatus.SUCCEEDED).createdAt(T0).completedAt(T0.plusSeconds(95))
                        .prompt(TRICKY).model("v2").duration(Duration.ofMillis(5500)).cost(Cost.tokens(6_534_000))
                        .addOutput(new TaskOutput(0, "https://cdn.example.com/a.mp4?x=1,2", OutputKind.VIDEO, null,
                                null, null, "video/mp4", false))
                        .build(),
                Task.builder("t-2", TaskStatus.FAILED).createdAt(T0.plus(Duration.ofDays(2))).progress(60)
                        .prompt(JAPANESE).build(),
                Task.builder("t-3", TaskStatus.RUNNING).createdAt(T0.plus(Duration.ofDays(4))).progress(40)
                        .prompt(ARABIC).cost(Cost.money(new BigDecimal("0.40"), "USD")).build(),
                Task.builder("t-4", TaskStatus.QUEUED).createdAt(T0.plus(Duration.ofDays(5))).prompt(BIDI).build());
        long id = cli.withServices(s -> s.tasks().find(s.accounts().byName("desk, east").orElseThrow().id(), "t-1")
                .orElseThrow().id());
        cli.withServices(s -> {
            s.tasks().setTags(id, List.of("client a", "hero"));
            s.tasks().setNote(id, "note with \"quotes\"\r\nand CRLF");
            s.tasks().setStarred(id, true);
            return null;
        });
    }

    @Test
    void csvParsesBackWithTheHeaderQuotesCommasLineBreaksAndAnyScript() {
        CliHarness.Result r = cli.run("tasks", "--format", "csv");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("\r\n"), "RFC 4180 lines end with CRLF");
        List<List<String>> rows = Rfc4180.parse(r.out());
        assertEquals(HistoryCsv.HEADER, rows.get(0));
        assertEquals(List.of("account", "provider", "id", "status", "provider_status", "progress", "model", "prompt",
                "created_at", "finished_at", "duration_s", "cost_amount", "cost_unit", "video_url", "local_file",
                "starred", "tags", "note"), rows.get(0), "the header is a contract");
        assertEquals(5, rows.size());
        Map<String, String> first = row(rows, "t-1");
        assertEquals("desk, east", first.get("account"));
        assertEquals("moneyprinterturbo", first.get("provider"));
        assertEquals(TRICKY, first.get("prompt"));
        assertEquals("2026-11-20T10:00:00Z", first.get("created_at"));
        assertEquals("2026-11-20T10:01:35Z", first.get("finished_at"));
        assertEquals("5.5", first.get("duration_s"));
        assertEquals("6534000", first.get("cost_amount"));
        assertEquals("tokens", first.get("cost_unit"));
        assertEquals("https://cdn.example.com/a.mp4?x=1,2", first.get("video_url"));
        assertEquals("true", first.get("starred"));
        assertEquals("client a;hero", first.get("tags"));
        assertEquals("note with \"quotes\"\r\nand CRLF", first.get("note"));
        assertEquals(JAPANESE, row(rows, "t-2").get("prompt"));
        assertEquals(ARABIC, row(rows, "t-3").get("prompt"));
        assertEquals("USD", row(rows, "t-3").get("cost_unit"));
        assertEquals(BIDI, row(rows, "t-4").get("prompt"), "CSV keeps provider text exact");
    }

    private static Map<String, String> row(List<List<String>> rows, String id) {
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.get(header.indexOf("id")).equals(id)) {
                java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), r.get(i));
                }
                return m;
            }
        }
        throw new AssertionError("no row " + id);
    }

    @Test
    void everyFilterAppliesPlusSinceAndLimit() {
        List<List<String>> since = Rfc4180.parse(cli.run("tasks", "--format", "csv", "--since", "2026-11-22").out());
        assertEquals(List.of("t-4", "t-3", "t-2"), since.subList(1, since.size()).stream().map(r -> r.get(2)).toList());

        List<List<String>> limited = Rfc4180.parse(cli.run("tasks", "--format", "csv", "--since",
                "2026-11-22T00:00:00Z", "--limit", "2").out());
        assertEquals(List.of("t-4", "t-3"), limited.subList(1, limited.size()).stream().map(r -> r.get(2)).toList());

        List<List<String>> filtered = Rfc4180.parse(cli.run("tasks", "--format", "csv", "--status", "failed,running",
                "--limit", "1").out());
        assertEquals(List.of("t-3"), filtered.subList(1, filtered.size()).stream().map(r -> r.get(2)).toList());

        List<List<String>> starred = Rfc4180.parse(cli.run("tasks", "--format", "csv", "--starred").out());
        assertEquals(2, starred.size());

        assertEquals(2, cli.run("tasks", "--since", "last week").exitCode());
        assertEquals(2, cli.run("tasks", "--limit", "0").exitCode());
        assertEquals(2, cli.run("tasks", "--format", "xml").exitCode());
    }

    @Test
    void ndjsonIsOneTasksJsonObjectPerLineAndJsonStaysTheSame() throws Exception {
        CliHarness.Result nd = cli.run("tasks", "--format", "ndjson");
        List<String> lines = nd.out().lines().toList();
        assertEquals(4, lines.size(), nd::toString);
        JsonNode array = JSON.readTree(cli.run("tasks", "--json").out());
        assertEquals(array, JSON.readTree(cli.run("tasks", "--format", "json").out()));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(array.get(i), JSON.readTree(lines.get(i)));
        }
        assertEquals(BIDI, array.get(0).get("prompt").asText(), "JSON stays exact");
    }

    @Test
    void theTableEscapesBidiOverridesAndControlCharacters() {
        cli.terminal = new Terminal(true, false);
        CliHarness.Result r = cli.run("tasks", "--wide");

        assertFalse(r.out().contains("\u202E"), r::toString);
        assertFalse(r.out().contains("\u001B"), r::toString);
        assertTrue(r.out().contains("safe\\u202Etxt.exe\\u202C and \\u001B[31mred"), r::toString);
    }

    @Test
    void failedTasksShowNoProgressAndRunningOnesDo() {
        CliHarness.Result r = cli.run("tasks");
        String failed = r.out().lines().filter(l -> l.startsWith("failed")).findFirst().orElseThrow();
        String running = r.out().lines().filter(l -> l.startsWith("running")).findFirst().orElseThrow();
        assertFalse(failed.contains("60%"), failed);
        assertTrue(running.contains("40%"), running);
    }

    @Test
    void coloursOnlyOnATerminalThatAllowsThem() {
        cli.terminal = Terminal.detect(true, Map.of("TERM", "xterm-256color"));
        assertTrue(cli.run("tasks").out().contains("\u001B[32m"), "green for succeeded on a terminal");
        cli.terminal = Terminal.detect(true, Map.of("NO_COLOR", "1"));
        assertFalse(cli.run("tasks").out().contains("\u001B["), "never with NO_COLOR");
        cli.terminal = Terminal.detect(false, Map.of());
        assertFalse(cli.run("tasks").out().contains("\u001B["), "never into a pipe");
    }

    @Test
    void numbersAreGroupedForReading() {
        assertEquals("6,534,000 tokens", HumanText.cost(Cost.tokens(6_534_000)));
        assertEquals("0.40 USD", HumanText.cost(Cost.money(new BigDecimal("0.40"), "USD")));
        assertEquals("1,234", HumanText.number(1234));
    }

    /** A small RFC 4180 reader, independent of the writer under test. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    if (field.length() > 0) {
                        throw new AssertionError("quote inside an unquoted field at " + i);
                    }
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i += 2;
                    continue;
                } else if (c == '\n' || c == '\r') {
                    throw new AssertionError("bare line break outside quotes at " + i);
                } else {
                    field.append(c);
                }
                i++;
            }
            if (quoted) {
                throw new AssertionError("unterminated quote");
            }
            if (field.length() > 0 || !row.isEmpty()) {
                throw new AssertionError("last line lacks its CRLF");
            }
            return rows;
        }
    }
}
