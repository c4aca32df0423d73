package dev.reelwatch.app;

import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full run with a known key (accounts added, synced through every kind of fault, listed as JSON) leaves that
 * key in the credentials file only: not in the cache or its WAL, the accounts backup, any log record at any
 * level, any CLI output, or any error message.
 */
class SecretsTest {
    private static final String KEY = "sk-live-7f3a9c-SECRET-do-not-leak";
    private static final String ENV_KEY = "hk-env-4b1d-SECRET-do-not-leak";

    @TempDir
    Path temp;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringWriter trace = new StringWriter();
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(trace));
            }
            synchronized (logged) {
                logged.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + " "
                        + java.util.Arrays.toString(r.getParameters()) + " " + trace);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private final StringBuilder cliOutput = new StringBuilder();

    @BeforeEach
    void captureEveryLogRecord() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private int cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", temp.resolve("data").toString()));
        all.addAll(List.of(args));
        int code = Main.runCli(all.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out, err, Map.of("HEDRA_KEY", ENV_KEY), "Linux", temp.resolve("home"));
        cliOutput.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static SimTask finished(String id) {
        return new SimTask(id, "prompt " + id, "model", Instant.now().minusSeconds(3600), Duration.ofSeconds(1),
                Duration.ofSeconds(10), SimOutcome.SUCCEEDED, DemoClips.NAMES.get(0), null, null, 1, "1280x720",
                "16:9", 5, 24, 100);
    }

    @Test
    void theKeyAppearsNowhereButInTheCredentialsFile() throws Exception {
        List<SimTask> tasks = List.of(finished("a"), finished("b"), finished("c"));
        try (MeshApiSimulator mesh = new MeshApiSimulator(Clock.systemUTC(), KEY, tasks);
             HedraSimulator hedra = new HedraSimulator(Clock.systemUTC(), ENV_KEY, tasks);
             PhaseoSimulator phaseo = new PhaseoSimulator(Clock.systemUTC(), KEY, tasks)) {
            List<SimServer> sims = List.of(mesh.start(), hedra.start(), phaseo.start());
            phaseo.setVideoApiEnabled(true);
            assertEquals(0, cli(KEY + "\n", "accounts", "add", "--provider", "meshapi", "--name", "mesh",
                    "--base-url", mesh.baseUrl().toString(), "--api-key-stdin"));
            assertEquals(0, cli("", "accounts", "add", "--provider", "hedra", "--name", "hedra",
                    "--base-url", hedra.baseUrl().toString(), "--api-key-env", "HEDRA_KEY"));
            assertEquals(0, cli(KEY + "\n", "accounts", "add", "--provider", "phaseo", "--name", "phaseo",
                    "--base-url", phaseo.baseUrl().toString(), "--api-key-stdin"));

            assertEquals(0, cli("", "sync"));
            for (Fault fault : Stream.of(Fault.values()).filter(f -> f != Fault.LATENCY && f != Fault.SLOW_DRIP
                    && f != Fault.HANG && f != Fault.HUGE_BODY).toList()) {
                sims.forEach(s -> s.faults().clear().on(fault));
                cli("", "sync", "--no-archive");
            }
            sims.forEach(s -> s.faults().clear());
            assertEquals(0, cli("", "sync"));
            assertEquals(0, cli("", "tasks", "--json"));
            assertEquals(0, cli("", "accounts", "list", "--json"));
            assertTrue(cliOutput.toString().contains("\"a\""), "the run did fetch tasks: " + cliOutput);
        }

        Path data = temp.resolve("data");
        String credentials = Files.readString(data.resolve("credentials.properties"));
        assertTrue(credentials.contains(KEY), "the stdin key lives in the credentials file");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("credentials.properties")).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("reelwatch.db")));
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(KEY, ENV_KEY)) {
                assertFalse(bytes.contains(secret), secret + " found in " + f);
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE).contains(secret),
                        secret + " found (UTF-16) in " + f);
            }
        }
        assertFalse(logged.isEmpty(), "the log handler saw the run");
        for (String record : logged) {
            assertFalse(record.contains(KEY) || record.contains(ENV_KEY), "a log record holds a key: " + record);
        }
        assertFalse(cliOutput.toString().contains(KEY) || cliOutput.toString().contains(ENV_KEY), cliOutput::toString);
    }
}
