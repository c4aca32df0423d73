package dev.reelwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code java -jar reelwatch.jar ARGS} path: the CLI over the real data directory, returning exit codes. */
class MainTest {

    @TempDir
    Path temp;

    private CliRun main(Map<String, String> env, String stdin, String... args) {
        return CliRun.of(temp.resolve("home"), env, stdin, args);
    }

    @Test
    void cliPathReturnsTheExitCodesInsteadOfExiting() throws Exception {
        String dir = temp.resolve("data").toString();
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");

        assertEquals(0, main(Map.of(), "", "--data-dir", dir, "accounts", "add", "--provider", "moneyprinterturbo",
                "--name", "Ünïcode desk").exitCode());
        CliRun list = main(Map.of(), "", "--data-dir", dir, "accounts", "list", "--json");
        CliRun usage = main(Map.of(), "", "--data-dir", dir, "tasks", "--status", "sleeping");
        CliRun failure = main(Map.of(), "", "--data-dir", notAFolder.resolve("d").toString(), "tasks");

        assertEquals(0, list.exitCode(), list.err());
        JsonNode accounts = new ObjectMapper().readTree(list.out());
        assertEquals("Ünïcode desk", accounts.get(0).get("name").asText(), "UTF-8 output");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("valid statuses"), usage.err());
        assertEquals(1, failure.exitCode());
        assertTrue(failure.err().contains("is not writable"), failure.err());
    }

    /** Picocli reads help texts as format strings: a bare "%" made every {@code wait --help} warn on stderr. */
    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"sync", "export", "wait", "demo", "tasks", "accounts", "failures",
                    "usage"}) {
                CliRun help = main(Map.of(), "", command, "--help");
                assertEquals(0, help.exitCode(), command + ": " + help.err());
                assertFalse(help.err().contains("WARN"), command + ": " + help.err());
            }
        } finally {
            System.setErr(stderr);
        }
        String printed = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(printed.contains("Could not format"), printed);
        assertTrue(main(Map.of(), "", "wait", "--help").out().replaceAll("\\s+", " ")
                .contains("running 40 % · about 30 s left"));
    }

    @Test
    void withoutDataDirTheCliUsesTheOsDataFolderOrReelwatchHome() {
        CliRun linux = main(Map.of(), "", "accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        assertEquals(0, linux.exitCode(), linux.err());
        assertTrue(Files.exists(temp.resolve("home/.local/share/reelwatch/reelwatch.db")));

        Path custom = temp.resolve("custom-home");
        CliRun withEnv = main(Map.of("REELWATCH_HOME", custom.toString()), "key\n", "accounts", "add",
                "--provider", "hedra", "--name", "h", "--api-key-stdin");
        assertEquals(0, withEnv.exitCode(), withEnv.err());
        assertTrue(Files.exists(custom.resolve("reelwatch.db")));
        assertTrue(Files.exists(custom.resolve("credentials.properties")));
        CliRun listed = main(Map.of(), "", "accounts", "list", "--json");
        assertFalse(listed.out().contains("\"h\""), "the other data directory does not see it");
    }
}
