package dev.reelwatch.bench;

import dev.reelwatch.core.Account;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncReport;
import dev.reelwatch.sync.SyncSettings;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 1, ingest: a first sync of 100,000 MeshAPI tasks served on loopback (HTTP, JSON parsing, mapping,
 * upsert with timeline and full-text index) beside the sqlite3 command-line tool inserting the very same rows
 * into the same schema in one transaction (the floor). Leaves the filled cache in target/bench for the
 * benchmarks that need 100,000 cached tasks.
 *
 * <p>Arguments: [tasks, default 100000] [rounds, default 2].
 */
public final class IngestBenchmark {
    private static final List<String> TABLES = List.of("accounts", "tasks", "task_outputs", "task_events");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Machine.print();
        // The whole first sync in one pass: the app splits a listing of more than 2,000 pages across passes
        // (a guard against endless listings); the benchmark measures the work, not the pauses between passes.
        SyncSettings settings = SyncSettings.defaults().withListingBudget(Integer.MAX_VALUE, Duration.ofHours(24));
        Samples reelwatch = new Samples();
        Samples floor = new Samples();
        try (MeshApiReplay replay = MeshApiReplay.scaled(n, settings.pageSize())) {
            Path floorSql = null;
            for (int round = 0; round < rounds; round++) {
                Path dir = BenchFiles.freshDir("ingest");
                double ms = ingest(replay, dir.resolve("reelwatch.db"), settings, n);
                reelwatch.add(ms);
                System.out.printf(Locale.ROOT, "round %d: Reelwatch ingested %,d tasks in %.0f ms (%,.0f tasks/s)%n",
                        round + 1, n, ms, n / ms * 1000);
                if (floorSql == null) {
                    Files.createDirectories(BenchFiles.ROOT);
                    Files.copy(dir.resolve("reelwatch.db"), BenchFiles.cache(n), StandardCopyOption.REPLACE_EXISTING);
                    floorSql = floorScript(dir.resolve("reelwatch.db"), BenchFiles.ROOT.resolve("ingest-floor.sql"));
                }
                double floorMs = sqliteCli(floorSql, BenchFiles.freshDir("ingest-floor").resolve("floor.db"));
                floor.add(floorMs);
                System.out.printf(Locale.ROOT, "round %d: sqlite3 CLI inserted the same rows in %.0f ms (%,.0f tasks/s)%n",
                        round + 1, floorMs, n / floorMs * 1000);
            }
        }
        double ratio = reelwatch.median() / floor.median();
        new Figure(String.format(Locale.ROOT, "1. Ingest %,d tasks (HTTP + parse + upsert)", n),
                String.format(Locale.ROOT, "%,.0f tasks/s", n / reelwatch.median() * 1000),
                String.format(Locale.ROOT, "%,.0f tasks/s (sqlite3 CLI, 1 transaction)", n / floor.median() * 1000),
                Figure.ratio(ratio), "≤ 3×", ratio <= 3).print();
    }

    /** One first sync into an empty cache, as `reelwatch sync` does; returns wall time in ms. */
    static double ingest(MeshApiReplay replay, Path file, SyncSettings settings, int expected) {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(file)) {
            SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
            SqliteAccountStore accounts = new SqliteAccountStore(db);
            SqliteSettingsStore settingsStore = new SqliteSettingsStore(db);
            Account account = accounts.add(replay.account(0));
            HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(5)),
                    "Reelwatch/bench", Duration.ofSeconds(30), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
            ProviderClients clients = new ProviderClients(transport);
            SyncPass pass = new SyncPass(accounts, tasks, settingsStore, a -> clients.create(a, MeshApiReplay.KEY),
                    clock, settings);
            long start = System.nanoTime();
            SyncReport report = pass.run(account.name());
            double ms = (System.nanoTime() - start) / 1e6;
            int stored = tasks.count(dev.reelwatch.store.TaskQuery.all());
            if (stored != expected) {
                throw new IllegalStateException("the sync stored " + stored + " tasks, not " + expected + ": "
                        + report);
            }
            return ms;
        }
    }

    /**
     * The floor's script: Reelwatch's schema (its migration files, FTS triggers included) and then every row
     * Reelwatch stored, as INSERT statements in one transaction.
     */
    static Path floorScript(Path source, Path script) throws IOException, InterruptedException {
        // The same settings Reelwatch's connections use (see Database).
        StringBuilder sql = new StringBuilder("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\n"
                + "PRAGMA cache_size = -16000;\n");
        for (String migration : migrationFiles()) {
            try (InputStream in = IngestBenchmark.class.getResourceAsStream(
                    "/dev/reelwatch/store/migrations/" + migration)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        Files.writeString(script, sql.append("BEGIN;\n"));
        for (String table : TABLES) {
            ProcessBuilder dump = new ProcessBuilder("sqlite3", source.toString(), ".mode insert " + table,
                    "SELECT * FROM " + table + " ORDER BY rowid;")
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(script.toFile()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            if (dump.start().waitFor() != 0) {
                throw new IllegalStateException("sqlite3 could not dump " + table);
            }
        }
        Files.writeString(script, "COMMIT;\n", java.nio.file.StandardOpenOption.APPEND);
        return script;
    }

    /** The store's migration files in order, read from its private list so the floor never misses one. */
    @SuppressWarnings("unchecked")
    static List<String> migrationFiles() {
        try {
            Field files = Class.forName("dev.reelwatch.store.Migrations").getDeclaredField("FILES");
            files.setAccessible(true);
            return (List<String>) files.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the store's migrations", e);
        }
    }

    /** Runs the script with the sqlite3 CLI into a new file; returns wall time in ms, process start included. */
    static double sqliteCli(Path script, Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("sqlite3", "-bail", file.toString())
                .redirectInput(script.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sqlite3 failed on " + script);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
