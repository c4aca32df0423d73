package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reelwatch accounts add|list|remove}. */
class AccountsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
    }

    private JsonNode listJson() throws Exception {
        CliHarness.Result list = cli.run("accounts", "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        JsonNode array = JSON.readTree(list.out());
        assertTrue(array.isArray(), list::toString);
        return array;
    }

    private JsonNode onlyAccount() throws Exception {
        JsonNode array = listJson();
        assertEquals(1, array.size(), array::toString);
        return array.get(0);
    }

    private CredentialStore credentials() {
        return new CredentialStore(DataDirectory.credentialsFile(cli.dataDir));
    }

    @Test
    void addUsesTheProvidersDefaultBaseUrlAndNeedsNoKeyForMoneyPrinterTurbo() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");

        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("", add.err(), "no warning for a provider that needs no key");
        JsonNode account = onlyAccount();
        assertEquals("desk", account.get("name").asText());
        assertEquals("moneyprinterturbo", account.get("provider").asText());
        assertEquals("http://localhost:8080", account.get("base_url").asText());
        assertEquals("none", account.get("credential").asText());
    }

    @Test
    void accountsListJsonHasExactlyTheDocumentedFields() throws Exception {
        cli.run("accounts", "add", "--provider", "hedra", "--name", "h", "--api-key-env", "HEDRA_KEY");

        JsonNode account = onlyAccount();
        List<String> names = new ArrayList<>();
        account.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("name", "provider", "base_url", "enabled", "paused", "demo", "credential"), names);
        assertFalse(account.get("paused").asBoolean());
        assertTrue(account.get("name").isTextual());
        assertTrue(account.get("provider").isTextual());
        assertTrue(account.get("base_url").isTextual());
        assertTrue(account.get("enabled").isBoolean());
        assertTrue(account.get("enabled").asBoolean());
        assertTrue(account.get("demo").isBoolean());
        assertFalse(account.get("demo").asBoolean());
        assertEquals("env:HEDRA_KEY", account.get("credential").asText());
        assertEquals("https://api.hedra.com", account.get("base_url").asText());
    }

    @Test
    void apiKeyFromStdinIsStoredOwnerOnlyAndNeverListed() throws Exception {
        CliHarness.Result add = cli.runWithInput("  mesh-secret-4711  \nsecond line is ignored\n",
                "accounts", "add", "--provider", "meshapi", "--name", "Studio", "--api-key-stdin");

        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("mesh-secret-4711", credentials().get("Studio").orElseThrow());
        Path file = DataDirectory.credentialsFile(cli.dataDir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("file", onlyAccount().get("credential").asText());

        CliHarness.Result json = cli.run("accounts", "list", "--json");
        CliHarness.Result table = cli.run("accounts", "list");
        for (CliHarness.Result r : List.of(add, json, table)) {
            assertFalse((r.out() + r.err()).contains("mesh-secret"), r::toString);
        }
        try (var files = Files.list(cli.dataDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("reelwatch.db")).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains("mesh-secret"),
                        () -> f + " holds no key");
            }
        }
    }

    @Test
    void apiKeyEnvRecordsOnlyTheVariableName() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "phaseo", "--name", "p",
                "--api-key-env", "PHASEO_KEY");

        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("", add.err());
        assertEquals("env:PHASEO_KEY", onlyAccount().get("credential").asText());
        assertTrue(credentials().get("p").isEmpty());
        assertFalse(Files.exists(DataDirectory.credentialsFile(cli.dataDir)), "no key, no credentials file");
    }

    @Test
    void keyedProviderWithoutKeyIsAddedWithAWarning() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "hedra", "--name", "h");

        assertEquals(0, add.exitCode(), add::toString);
        assertTrue(add.err().contains("Warning") && add.err().contains("needs an API key"), add::toString);
        assertEquals("none", onlyAccount().get("credential").asText());
    }

    @Test
    void baseUrlKeepsItsPathPrefixWithoutTrailingSlash() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "meshapi", "--name", "proxy",
                "--base-url", "https://gateway.example.com:8443/mesh/v2/", "--api-key-env", "K");

        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("https://gateway.example.com:8443/mesh/v2", onlyAccount().get("base_url").asText());
    }

    @Test
    void baseUrlMustBeAnAbsoluteHttpUrl() throws Exception {
        for (String bad : List.of("ftp://files.example.com", "api.example.com", "/v1", "https://", "http://x/ a",
                "https://api.example.com/?debug=1")) {
            CliHarness.Result add = cli.run("accounts", "add", "--provider", "meshapi", "--name", "m",
                    "--base-url", bad);
            assertEquals(2, add.exitCode(), () -> bad + ": " + add);
            assertTrue(add.err().contains(bad.strip()), add::toString);
        }
        assertEquals(0, listJson().size());
    }

    @Test
    void unknownProviderIsBadUsageListingTheValidOnes() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "sora", "--name", "s");

        assertEquals(2, add.exitCode(), add::toString);
        assertTrue(add.err().contains("unknown provider 'sora'"), add::toString);
        assertTrue(add.err().contains("meshapi, phaseo, moneyprinterturbo, hedra"), add::toString);
        assertEquals(0, listJson().size());
    }

    @Test
    void providerNamesAreCaseInsensitive() throws Exception {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "MeshAPI", "--name", "m",
                "--api-key-env", "K");

        assertEquals(0, add.exitCode(), add::toString);
        assertEquals("meshapi", onlyAccount().get("provider").asText());
    }

    @Test
    void missingNameIsBadUsage() {
        CliHarness.Result add = cli.run("accounts", "add", "--provider", "meshapi");

        assertEquals(2, add.exitCode(), add::toString);
        assertTrue(add.err().contains("--name"), add::toString);
        assertFalse(Files.exists(cli.dataDir), "a usage error opens nothing");
    }

    @Test
    void blankNameOrBadVariableIsBadUsage() {
        assertEquals(2, cli.run("accounts", "add", "--provider", "meshapi", "--name", "  ").exitCode());
        assertEquals(2, cli.run("accounts", "add", "--provider", "meshapi", "--name", "m",
                "--api-key-env", "NOT A VARIABLE").exitCode());
    }

    @Test
    void bothKeySourcesAtOnceIsBadUsage() {
        CliHarness.Result add = cli.runWithInput("k\n", "accounts", "add", "--provider", "meshapi", "--name", "m",
                "--api-key-env", "K", "--api-key-stdin");

        assertEquals(2, add.exitCode(), add::toString);
        assertTrue(add.err().contains("mutually exclusive"), add::toString);
    }

    @Test
    void emptyKeyOnStdinIsRefusedAndNothingIsSaved() throws Exception {
        CliHarness.Result add = cli.runWithInput("   \n", "accounts", "add", "--provider", "meshapi", "--name", "m",
                "--api-key-stdin");

        assertEquals(1, add.exitCode(), add::toString);
        assertTrue(add.err().contains("No API key on standard input"), add::toString);
        assertEquals(0, listJson().size());
        assertFalse(Files.exists(DataDirectory.credentialsFile(cli.dataDir)));
    }

    @Test
    void duplicateNameIsRefusedWithoutTouchingTheExistingKey() throws Exception {
        cli.runWithInput("first-key\n", "accounts", "add", "--provider", "meshapi", "--name", "Studio",
                "--api-key-stdin");

        CliHarness.Result again = cli.runWithInput("second-key\n", "accounts", "add", "--provider", "hedra",
                "--name", "studio", "--api-key-stdin");

        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("An account named 'Studio' exists already"), again::toString);
        assertFalse(again.err().contains("\tat "), "no stack trace");
        assertEquals("first-key", credentials().get("Studio").orElseThrow());
        assertTrue(credentials().get("studio").isEmpty(), "nothing half-written for the refused name");
        assertFalse(Files.readString(DataDirectory.credentialsFile(cli.dataDir)).contains("second-key"));
        assertEquals("meshapi", onlyAccount().get("provider").asText());
    }

    @Test
    void removeDeletesTheAccountItsTasksAndItsStoredKey() throws Exception {
        cli.runWithInput("key-a\n", "accounts", "add", "--provider", "meshapi", "--name", "a", "--api-key-stdin");
        cli.runWithInput("key-b\n", "accounts", "add", "--provider", "meshapi", "--name", "b", "--api-key-stdin");
        cli.cache("a", Task.builder("t-1", TaskStatus.RUNNING).build(), Task.builder("t-2", TaskStatus.QUEUED).build());

        CliHarness.Result remove = cli.run("accounts", "remove", "A");

        assertEquals(0, remove.exitCode(), remove::toString);
        assertTrue(remove.out().contains("Removed account 'a' and its 2 cached tasks"), remove::toString);
        assertTrue(credentials().get("a").isEmpty());
        assertEquals("key-b", credentials().get("b").orElseThrow(), "other keys stay");
        assertEquals("b", onlyAccount().get("name").asText());
        assertEquals(Integer.valueOf(0), cli.<Integer>withServices(s -> s.tasks().count(dev.reelwatch.store.TaskQuery.all())));
    }

    @Test
    void removingAnUnknownAccountFails() {
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");

        CliHarness.Result remove = cli.run("accounts", "remove", "nobody");

        assertEquals(1, remove.exitCode(), remove::toString);
        assertTrue(remove.err().contains("There is no account named 'nobody'"), remove::toString);
    }

    @Test
    void accountsListPrintsATableOrAFriendlyLine() {
        CliHarness.Result empty = cli.run("accounts", "list");
        assertEquals(0, empty.exitCode());
        assertTrue(empty.out().startsWith("No accounts yet."), empty::toString);

        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk");
        cli.run("accounts", "add", "--provider", "hedra", "--name", "avatars", "--api-key-env", "HEDRA_KEY");
        List<String> lines = cli.run("accounts", "list").out().lines().toList();

        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("NAME +PROVIDER +KEY +STATE +BASE URL"), lines::toString);
        assertTrue(lines.get(1).matches("avatars +hedra +env:HEDRA_KEY +enabled +https://api.hedra.com"),
                lines::toString);
        assertTrue(lines.get(2).matches("desk +moneyprinterturbo +none +enabled +http://localhost:8080"),
                lines::toString);
        int column = lines.get(0).indexOf("KEY");
        assertEquals(column, lines.get(1).indexOf("env:"), "columns line up");
    }
}
