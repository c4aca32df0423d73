package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.meshapi.MeshApiClient;
import dev.reelwatch.provider.moneyprinter.MoneyPrinterClient;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tasks --json}'s added fields, for tasks mapped from the simulators by the real clients: whether an expiry
 * is stated or inferred, Reelwatch's own first-seen/seen-finished times beside a null {@code created_at}, and a
 * failed MoneyPrinterTurbo task's stage and error.
 */
class TasksJsonSeenTimesAndExpiryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;
    CliHarness cli;
    MoneyPrinterSimulator mpt;
    MeshApiSimulator mesh;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp);
        Instant now = cli.clock.instant();
        mpt = new MoneyPrinterSimulator(cli.clock, List.of(
                new SimTask("mpt-fail", "A story", "moneyprinterturbo", now.minusSeconds(60), Duration.ZERO,
                        Duration.ofSeconds(10), SimOutcome.FAILED, DemoClips.NAMES.get(0), null,
                        "failed to generate video: no video materials found", 1, null, null, 12, 30, 0),
                new SimTask("mpt-run", "Another", "moneyprinterturbo", now.minusSeconds(10), Duration.ZERO,
                        Duration.ofMinutes(5), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 2, null, null,
                        12, 30, 0))).start();
        mesh = new MeshApiSimulator(cli.clock, "k", List.of(new SimTask("cgt-1", "Boats", "seedance-1-0-pro",
                now.minusSeconds(3600), Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, "bars",
                null, null, 3, "1280x720", "16:9", 5, 24, 100)));
        mesh.start();
        cli.run("accounts", "add", "--provider", "moneyprinterturbo", "--name", "desk", "--base-url",
                mpt.baseUrl().toString());
        cli.run("accounts", "add", "--provider", "meshapi", "--name", "studio", "--api-key-env", "MESH_KEY");
    }

    @AfterEach
    void tearDown() {
        mpt.close();
        mesh.close();
    }

    private HttpTransport transport() {
        return new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)), "Reelwatch/test",
                Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, cli.clock);
    }

    private Map<String, JsonNode> tasksJson() throws Exception {
        CliHarness.Result r = cli.run("tasks", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, JsonNode> byId = new HashMap<>();
        JSON.readTree(r.out()).forEach(t -> byId.put(t.get("id").asText(), t));
        return byId;
    }

    @Test
    void moneyPrinterTasksHaveNoCreatedAtButReelwatchsSeenTimesAndAFailedOneSaysItsStageAndError() throws Exception {
        Account desk = cli.account("desk");
        MoneyPrinterClient client = new MoneyPrinterClient(desk, null, transport());
        Instant firstSeen = cli.clock.instant();
        cli.cache("desk", client.fetchTask("mpt-fail"), client.fetchTask("mpt-run"));
        cli.clock.advance(Duration.ofMinutes(6));
        cli.cache("desk", client.fetchTask("mpt-run"));

        Map<String, JsonNode> json = tasksJson();

        JsonNode failed = json.get("mpt-fail");
        assertTrue(failed.get("created_at").isNull(), "MoneyPrinterTurbo gives no time; none is made up");
        assertEquals(firstSeen.toString(), failed.get("first_seen_at").asText());
        assertEquals(firstSeen.toString(), failed.get("finished_seen_at").asText());
        assertEquals("failed", failed.get("status").asText());
        assertEquals("failed to generate video: no video materials found",
                failed.get("error").get("message").asText());
        String stage = failed.get("error").get("failed_stage").asText();
        assertTrue(List.of("script", "terms", "audio", "subtitle", "materials", "video").contains(stage), stage);
        assertEquals(stage, failed.get("error").get("code").asText());

        JsonNode done = json.get("mpt-run");
        assertTrue(done.get("created_at").isNull());
        assertEquals(firstSeen.toString(), done.get("first_seen_at").asText());
        assertEquals(firstSeen.plus(Duration.ofMinutes(6)).toString(), done.get("finished_seen_at").asText());
        assertTrue(done.get("error").isNull());
        assertTrue(done.get("expires_at").isNull());
        assertTrue(done.get("expiry_source").isNull(), "MoneyPrinterTurbo files do not expire");
    }

    @Test
    void aMeshApiExpiryIsMarkedInferredOnTheTaskAndItsOutput() throws Exception {
        Account studio = new Account(cli.account("studio").id(), ProviderKind.MESHAPI, "studio", mesh.baseUrl(),
                CredentialRef.none(), true, false);
        Task fetched = new MeshApiClient(studio, "k", transport()).fetchTask("cgt-1");
        cli.cache("studio", fetched);

        JsonNode t = tasksJson().get("cgt-1");

        assertEquals("inferred", t.get("expiry_source").asText());
        assertEquals(fetched.outputs().get(0).expiresAt().toString(), t.get("expires_at").asText());
        JsonNode output = t.get("outputs").get(0);
        assertEquals("inferred", output.get("expiry_source").asText());
        assertTrue(output.get("link_expired_at").isNull(), "no server has said the link is gone");
        assertTrue(output.get("refusal").isNull());
    }
}
