package dev.reelwatch.bench;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the 1,000,000-task cache for the window benchmarks: the ingested 100,000-task cache copied ten times
 * over inside SQLite (INSERT … SELECT with shifted ids, new provider ids ({@link #copiedId}), created times
 * spread a week further back per copy), outputs, events and the full-text index included. Arguments: [source tasks,
 * default 100000] [copies, default 10]. The ingest figure at a million is measured by {@code IngestBenchmark}.
 */
public final class ScaledCache {

    private ScaledCache() {
    }

    public static void main(String[] args) throws Exception {
        int source = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long start = System.nanoTime();
        java.nio.file.Path target = BenchFiles.cache(source * copies);
        Files.copy(BenchFiles.cache(source), target, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = OFF");
            long maxTask = scalar(s, "SELECT max(id) FROM tasks");
            long maxOutput = scalar(s, "SELECT coalesce(max(id), 0) FROM task_outputs");
            long maxEvent = scalar(s, "SELECT coalesce(max(id), 0) FROM task_events");
            String taskCols = columns(s, "tasks");
            String outputCols = columns(s, "task_outputs");
            String eventCols = columns(s, "task_events");
            c.setAutoCommit(false);
            for (int k = 1; k < copies; k++) {
                long week = 7L * 24 * 3600 * 1000 * k;
                s.executeUpdate("INSERT INTO tasks (" + taskCols + ") SELECT " + taskCols
                        .replace("provider_task_id", copiedId(maxTask * k, k))
                        .replaceFirst("\\bid\\b", "id + " + maxTask * k)
                        .replace("created_at", "created_at - " + week)
                        + " FROM tasks WHERE id <= " + maxTask);
                s.executeUpdate("INSERT INTO task_outputs (" + outputCols + ") SELECT " + outputCols
                        .replaceFirst("\\bid\\b", "id + " + maxOutput * k)
                        .replace("task_id", "task_id + " + maxTask * k)
                        + " FROM task_outputs WHERE id <= " + maxOutput);
                s.executeUpdate("INSERT INTO task_events (" + eventCols + ") SELECT " + eventCols
                        .replaceFirst("\\bid\\b", "id + " + maxEvent * k)
                        .replace("task_id", "task_id + " + maxTask * k)
                        + " FROM task_events WHERE id <= " + maxEvent);
                c.commit();
                System.out.printf(Locale.ROOT, "copy %d of %d done%n", k, copies - 1);
            }
            c.setAutoCommit(true);
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            System.out.printf(Locale.ROOT, "%s: %,d tasks in %.0f s%n", target, scalar(s, "SELECT count(*) FROM tasks"),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The SQL for a copy's provider id: a UUID stays a UUID (the providers' ids are, see the seed docs), its last
     * group the copy's own row id in hex, so it is unique; an id of another shape gets "-k" appended.
     */
    private static String copiedId(long shift, int k) {
        String hex = "[0-9a-f]".repeat(8) + "-" + "[0-9a-f]".repeat(4) + "-" + "[0-9a-f]".repeat(4) + "-"
                + "[0-9a-f]".repeat(4) + "-" + "[0-9a-f]".repeat(12);
        return "CASE WHEN provider_task_id GLOB '" + hex + "'"
                + " THEN substr(provider_task_id, 1, 24) || printf('%012x', id + " + shift + ")"
                + " ELSE provider_task_id || '-" + k + "' END";
    }

    private static long scalar(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String columns(Statement s, String table) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return String.join(", ", names);
    }
}
