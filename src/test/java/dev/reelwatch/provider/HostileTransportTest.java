package dev.reelwatch.provider;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that sends its headers at once and then drips its body one byte a second: the whole exchange has
 * a deadline, so a listing fails as a network error in time instead of hanging, for every provider.
 */
class HostileTransportTest {
    private static final String KEY = "sk-hostile-secret";
    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final List<SimServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(SimServer::close);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aBodyThatDripsAfterPromptHeadersEndsAtTheExchangeDeadline(ProviderKind provider) {
        SimServer sim = start(provider);
        sim.faults().on(Fault.SLOW_DRIP).drip(1, Duration.ofSeconds(1));
        HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
                "Reelwatch/test", Duration.ofSeconds(5), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock,
                Duration.ofSeconds(2));
        Account account = new Account(1, provider, "dripping", sim.baseUrl(),
                CredentialRef.credentialsFile("dripping"), true, false);
        ProviderClient client = new ProviderClients(transport).create(account, KEY);

        ProviderException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                ProviderException.class, () -> client.listTasks(ListQuery.all(), page -> { })));

        assertEquals(ProviderErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("did not arrive in time"), e.getMessage());
        assertTrue(e.getMessage().contains("2 s"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
    }

    private SimServer start(ProviderKind provider) {
        List<SimTask> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(new SimTask((provider == ProviderKind.PHASEO ? "vid_0123456789abcdef_" : "t-") + i, "a prompt",
                    "seedance-1-0-pro", NOW.minus(Duration.ofHours(i + 1)), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 42,
                    "1280x720", "16:9", 5, 24, 1000));
        }
        SimServer sim = switch (provider) {
            case MESHAPI -> new MeshApiSimulator(clock, KEY, tasks);
            case PHASEO -> {
                PhaseoSimulator s = new PhaseoSimulator(clock, KEY, tasks);
                s.setVideoApiEnabled(true);
                yield s;
            }
            case MONEYPRINTERTURBO -> new MoneyPrinterSimulator(clock, tasks);
            case HEDRA -> new HedraSimulator(clock, KEY, tasks);
        };
        sim.start();
        servers.add(sim);
        return sim;
    }
}
