package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cache of 1,000,000 tasks loads into the task list in a JVM with the default heap of a modest machine: a
 * forked JVM without -Xmx, told it has 2 GB of memory ({@code -XX:MaxRAM=2g}), so its default heap is 512 MB
 * (a quarter) whatever this machine has. The rows are made in one INSERT … SELECT over a recursive CTE.
 */
class MillionTasksLoadTest {
    static final int TASKS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionTaskCacheLoadsWithinTheDefaultHeap() throws Exception {
        Account account;
        try (TestCache cache = new TestCache(dir, new AdjustableClock(Instant.parse("2025-03-10T12:00:00Z")))) {
            account = cache.addAccount("Batch", ProviderKind.MONEYPRINTERTURBO, false);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
             Statement s = c.createStatement()) {
            // The full-text index is not what this test is about and would triple the time to make the rows.
            s.execute("DROP TRIGGER tasks_fts_after_insert");
            s.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + TASKS + ")"
                    + " INSERT INTO tasks (account_id, provider_task_id, status, provider_status, progress, prompt,"
                    + " model, created_at, updated_at, fingerprint, first_seen_at, last_synced_at, cost_amount,"
                    + " cost_unit, cost_currency)"
                    + " SELECT " + account.id() + ", 'mpt-' || i,"
                    + " CASE i % 5 WHEN 0 THEN 'failed' WHEN 1 THEN 'running' ELSE 'succeeded' END, 'state-' || (i % 5),"
                    + " i % 101, 'Batch video ' || i || ': a product shot of item ' || (i % 977)"
                    + " || ' on a marble plinth, soft studio light, slow orbit', 'model-' || (i % 7),"
                    + " 1741600000000 - i * 1000, 1741600000000 - i * 1000, hex(i), 1741600000000, 1741600000000,"
                    + " '0.0' || (i % 90), 'currency', 'USD' FROM n");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAM=2g", "-cp", System.getProperty("java.class.path"), Load.class.getName(),
                dir.resolve("cache.db").toString()).redirectErrorStream(true).start();
        String output = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.waitFor(1, TimeUnit.MINUTES);
            return out;
        });
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("rows " + TASKS), output);
        assertTrue(output.contains("succeeded " + TASKS * 3 / 5), output);
    }

    /** The forked JVM: loads the cache into {@link LiveTaskRows} and prints what it holds. */
    public static final class Load {
        private Load() {
        }

        public static void main(String[] args) throws IOException {
            try (Database db = Database.open(Path.of(args[0]))) {
                SqliteTaskStore store = new SqliteTaskStore(db, Clock.systemUTC());
                StoreChangeRelay relay = new StoreChangeRelay(store, Runnable::run);
                List<Throwable> failures = new java.util.ArrayList<>();
                LiveTaskRows rows = new LiveTaskRows(store, relay, TaskExecutor.direct((what, e) -> failures.add(e)));
                rows.load();
                if (!failures.isEmpty()) {
                    throw new IllegalStateException(failures.get(0));
                }
                Runtime r = Runtime.getRuntime();
                System.out.println("max heap " + r.maxMemory() / (1 << 20) + " MiB, used "
                        + (r.totalMemory() - r.freeMemory()) / (1 << 20) + " MiB");
                System.out.println("rows " + rows.rows().size());
                System.out.println("succeeded " + rows.countProperty(StatusGroup.SUCCEEDED).get());
                rows.close();
                relay.close();
            }
        }
    }
}
