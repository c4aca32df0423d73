package dev.reelwatch.app;

import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code reelwatch sync} in a child JVM, killed with SIGKILL at random moments 20 times in a row while it
 * lists many pages from two providers, then run to the end: the cache is intact, holds every task exactly once,
 * and every task's timeline is one unbroken chain of status changes. And a sync killed in the middle of archiving
 * videos never leaves a file in the library that is not whole and verified, and resumes its downloads.
 */
class CrashSafetyTest {
    private static final String KEY = "sk-crash-test";
    private static final int MESH_TASKS = 2_500;
    private static final int MPT_TASKS = 400;
    private static final int KILLS = 20;
    /** The largest demo clip (about 93 kB): at the simulator's drip rate each download takes about two seconds. */
    private static final String BIG_CLIP = "mandel";
    private static final int VIDEOS = 8;
    private static final int ARCHIVE_KILLS = 5;

    @TempDir
    Path temp;

    private static SimTask task(String id, Instant created, Duration queued, Duration run, SimOutcome outcome) {
        return new SimTask(id, "prompt of " + id, "seedance-1-0-pro", created, queued, run, outcome,
                DemoClips.NAMES.get(Math.floorMod(id.hashCode(), DemoClips.NAMES.size())),
                outcome == SimOutcome.FAILED ? "InternalServiceError" : null,
                outcome == SimOutcome.FAILED ? "The service failed." : null, 42, "1280x720", "16:9", 5, 24, 1000);
    }

    private static List<SimTask> tasks(String prefix, int n) {
        Instant now = Instant.now();
        List<SimTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Most are history; a few run for the length of the test, so their timelines grow while we kill.
            boolean live = i % 50 == 0;
            Instant created = live ? now.minusSeconds(1) : now.minus(Duration.ofDays(1)).minusSeconds(37L * i);
            out.add(task(prefix + i, created, Duration.ofSeconds(live ? 3 : 5),
                    live ? Duration.ofSeconds(5 + i % 40) : Duration.ofSeconds(30),
                    i % 10 == 7 ? SimOutcome.FAILED : SimOutcome.SUCCEEDED));
        }
        return out;
    }

    private Process startSync(Path data) throws Exception {
        return startSync(data, false);
    }

    private Process startSync(Path data, boolean archive) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", Main.class.getName(), "--data-dir", data.toString(), "sync"));
        if (!archive) {
            command.add("--no-archive");
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MESH_KEY", KEY);
        pb.redirectErrorStream(true);
        pb.redirectOutput(temp.resolve("child.log").toFile());
        return pb.start();
    }

    private int cli(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        return Main.runCli(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of(), "Linux", temp.resolve("home"));
    }

    @Test
    void syncKilledTwentyTimesInARowLosesAndDoublesNothing() throws Exception {
        Path data = temp.resolve("data");
        try (MeshApiSimulator mesh = new MeshApiSimulator(Clock.systemUTC(), KEY, tasks("m-", MESH_TASKS));
             MoneyPrinterSimulator mpt = new MoneyPrinterSimulator(Clock.systemUTC(), tasks("p-", MPT_TASKS))) {
            mesh.start();
            mpt.start();
            // Some latency per page, so the kills land in the middle of listings and writes.
            mesh.faults().latency(Duration.ofMillis(25)).on(Fault.LATENCY);
            mpt.faults().latency(Duration.ofMillis(25)).on(Fault.LATENCY);
            assertEquals(0, cli(data, "accounts", "add", "--provider", "meshapi", "--name", "mesh",
                    "--base-url", mesh.baseUrl().toString(), "--api-key-env", "MESH_KEY"));
            assertEquals(0, cli(data, "accounts", "add", "--provider", "moneyprinterturbo", "--name", "mpt",
                    "--base-url", mpt.baseUrl().toString()));

            Random random = new Random(20261123);
            int killedMidway = 0;
            for (int i = 0; i < KILLS; i++) {
                Process child = startSync(data);
                long delay = 400 + random.nextInt(1600);
                if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    killedMidway++;
                }
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the killed child is gone");
            }
            assertTrue(killedMidway >= KILLS / 2, "most kills landed while syncing: " + killedMidway);

            mesh.faults().clear();
            mpt.faults().clear();
            Process last = startSync(data);
            assertTrue(last.waitFor(90, TimeUnit.SECONDS), "the final sync finishes");
            assertEquals(0, last.exitValue(), () -> "final sync: " + read(temp.resolve("child.log")));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("reelwatch.db"));
             Statement s = c.createStatement()) {
            assertEquals("ok", single(s, "PRAGMA integrity_check"));
            assertEquals(String.valueOf(MESH_TASKS + MPT_TASKS), single(s, "SELECT count(*) FROM tasks"));
            assertEquals(String.valueOf(MESH_TASKS + MPT_TASKS),
                    single(s, "SELECT count(DISTINCT account_id || '/' || provider_task_id) FROM tasks"));
            assertEquals("0", single(s, "SELECT count(*) FROM tasks t WHERE NOT EXISTS"
                    + " (SELECT 1 FROM task_events e WHERE e.task_id = t.id)"), "every task has a timeline");
            checkEventChains(s);
        }
    }

    @Test
    void archiveKilledMidDownloadNeverLeavesAnIncompleteFileAndResumesWithRange() throws Exception {
        Path data = temp.resolve("data");
        byte[] clip = new DemoClips().bytes(BIG_CLIP);
        String expectedSha = sha256(clip);
        Instant finishedLongAgo = Instant.now().minus(Duration.ofHours(2));
        List<SimTask> videos = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) {
            videos.add(new SimTask("v-" + i, "prompt of v-" + i, "seedance-1-0-pro", finishedLongAgo.plusSeconds(i),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), SimOutcome.SUCCEEDED, BIG_CLIP, null, null, 42,
                    "1280x720", "16:9", 5, 24, 1000));
        }
        AtomicInteger fileRequests = new AtomicInteger();
        List<String> resumedAt = new CopyOnWriteArrayList<>();
        int midDownloadKills = 0;
        try (MeshApiSimulator mesh = new MeshApiSimulator(Clock.systemUTC(), KEY, videos)) {
            mesh.start();
            mesh.watchRequests(r -> {
                if (r.path().endsWith(".mp4")) {
                    fileRequests.incrementAndGet();
                    r.header("Range").ifPresent(resumedAt::add);
                }
            });
            // Every file trickles out at about 50 kB/s, so each download takes seconds and a kill lands inside one.
            mesh.faults().drip(1024, Duration.ofMillis(20)).filesToo(true).on(Fault.SLOW_DRIP);
            assertEquals(0, cli(data, "accounts", "add", "--provider", "meshapi", "--name", "mesh",
                    "--base-url", mesh.baseUrl().toString(), "--api-key-env", "MESH_KEY"));

            Random random = new Random(20261124);
            for (int i = 0; i < ARCHIVE_KILLS; i++) {
                int before = fileRequests.get();
                Process child = startSync(data, true);
                awaitOrDead(child, () -> fileRequests.get() > before);
                if (!child.waitFor(150 + random.nextInt(500), TimeUnit.MILLISECONDS)) {
                    midDownloadKills++;
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the killed child is gone");
                assertOnlyCompleteVideos(data.resolve("videos"), expectedSha);
            }
            assertTrue(midDownloadKills >= ARCHIVE_KILLS - 1, "kills landed mid-download: " + midDownloadKills);

            Process last = startSync(data, true);
            assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the final sync finishes its archive");
            assertEquals(0, last.exitValue(), () -> "final sync: " + read(temp.resolve("child.log")));
        }

        assertTrue(resumedAt.stream().anyMatch(r -> r.matches("bytes=[1-9]\\d*-")),
                "a killed download was resumed with Range, not started over: " + resumedAt);
        assertOnlyCompleteVideos(data.resolve("videos"), expectedSha);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("reelwatch.db"));
             Statement s = c.createStatement()) {
            assertEquals(String.valueOf(VIDEOS), single(s, "SELECT count(*) FROM task_outputs"
                    + " WHERE kind = 'video' AND archive_state = 'archived'"));
            try (ResultSet rs = s.executeQuery("SELECT local_path, local_sha256 FROM task_outputs"
                    + " WHERE kind = 'video'")) {
                while (rs.next()) {
                    Path file = Path.of(rs.getString(1));
                    assertArrayEquals(clip, Files.readAllBytes(file), "the archived bytes of " + file);
                    assertEquals(expectedSha, rs.getString(2));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(data.resolve("videos"))) {
            assertEquals(List.of(), walk.filter(p -> p.toString().endsWith(".part")).toList(),
                    "no partial download is left once the archive is complete");
        }
    }

    /** Waits until {@code started} holds; fails if the child dies first or nothing happens in 30 s. */
    private void awaitOrDead(Process child, BooleanSupplier started) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!started.getAsBoolean()) {
            assertTrue(child.isAlive(), () -> "the child ended before downloading: " + read(temp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "the child started no download within 30 s");
            Thread.sleep(10);
        }
    }

    /** Every file in the library is a whole, correct video; only {@code .part} files may hold partial bytes. */
    private static void assertOnlyCompleteVideos(Path videos, String expectedSha) throws Exception {
        if (!Files.exists(videos)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(videos)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().endsWith(".part")) {
                    continue;
                }
                assertEquals(expectedSha, sha256(Files.readAllBytes(file)), "complete and verified: " + file);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Each task's events: the first comes from nowhere, each next one starts where the one before ended. */
    private static void checkEventChains(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT e.task_id, e.from_status, e.to_status, t.status"
                + " FROM task_events e JOIN tasks t ON t.id = e.task_id ORDER BY e.task_id, e.at, e.id")) {
            long task = -1;
            String previousTo = null;
            String currentStatus = null;
            while (rs.next()) {
                long id = rs.getLong(1);
                String from = rs.getString(2);
                String to = rs.getString(3);
                if (id != task) {
                    if (task != -1) {
                        assertEquals(currentStatus, previousTo, "task " + task + " ends where its timeline ends");
                    }
                    assertNull(from, "task " + id + "'s first event comes from nowhere");
                    task = id;
                } else {
                    assertTrue(Objects.equals(previousTo, from), "task " + id + ": " + previousTo + " then " + from);
                }
                previousTo = to;
                currentStatus = rs.getString(4);
            }
            assertEquals(currentStatus, previousTo, "the last task ends where its timeline ends");
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
