package dev.reelwatch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads what can still be read from a damaged cache into a fresh one, table by table: the tasks with their
 * stars and notes, their tags, the timeline of observed status changes and the archive records of their
 * outputs. The damaged file is opened read-only; every row is fetched on its own, so a row on an unreadable
 * page is skipped, not the table. Row ids are found by scanning the table and each of its indexes (a page
 * lost to one is often still reachable through another). What only the providers know comes back with the
 * next sync; the sync bookmarks are not salvaged, so that sync lists everything again.
 */
final class CacheSalvage {
    private static final Logger LOG = Logger.getLogger(CacheSalvage.class.getName());

    /** Tables salvaged, in an order that keeps foreign keys satisfied, with what a person calls them. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("tasks", "tasks (with stars and notes)");
        TABLES.put("task_tags", "tags");
        TABLES.put("task_events", "timeline entries");
        TABLES.put("task_outputs", "outputs (with archive records)");
    }

    private CacheSalvage() {
    }

    /** What was salvaged per table: rows copied and rows that could not be read or kept. */
    record Report(Map<String, int[]> tables, String problem) {

        int recovered(String table) {
            int[] counts = tables.get(table);
            return counts == null ? 0 : counts[0];
        }

        /** "Recovered 12 tasks (with stars and notes), 3 tags …; could not read 2 tasks …". */
        String describe() {
            if (problem != null) {
                return "Nothing could be recovered from it (" + problem + ").";
            }
            List<String> got = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                int[] counts = tables.getOrDefault(t.getKey(), new int[2]);
                got.add(counts[0] + " " + t.getValue());
                if (counts[1] > 0) {
                    lost.add(counts[1] + " " + t.getValue());
                }
            }
            return "Recovered from it: " + String.join(", ", got) + "."
                    + (lost.isEmpty() ? "" : " Could not be read: " + String.join(", ", lost) + ".");
        }
    }

    /** Copies what can be read from {@code damaged} into {@code fresh}, whose accounts were already restored. */
    static Report salvage(Path damaged, Database fresh) {
        // immutable: never write a -wal or -shm next to the damaged file, never try to recover its journal.
        try (Connection old = Database.connectReadOnly(damaged, true)) {
            try (Statement s = old.createStatement()) {
                // SQLite refuses a file shorter than its header says unless the schema may be "written"; on a
                // read-only connection this only lets it read what is there.
                s.execute("PRAGMA writable_schema = ON");
            }
            Map<Long, Long> accountIds = accountIds(old, fresh);
            Map<String, int[]> tables = new LinkedHashMap<>();
            Set<Long> taskIds = new LinkedHashSet<>();
            for (String table : TABLES.keySet()) {
                tables.put(table, copy(old, fresh, table, accountIds, taskIds));
            }
            return new Report(tables, null);
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "nothing could be salvaged from " + damaged + ": " + e.getMessage());
            LOG.log(Level.FINE, "salvage failed", e);
            return new Report(Map.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Old account id to the restored account's id, matched by name. */
    private static Map<Long, Long> accountIds(Connection old, Database fresh) throws SQLException {
        Map<String, Long> restored = fresh.read("read the restored accounts", c -> {
            Map<String, Long> byName = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name_key FROM accounts")) {
                while (rs.next()) {
                    byName.put(rs.getString(2), rs.getLong(1));
                }
            }
            return byName;
        });
        Map<Long, Long> map = new HashMap<>();
        for (long id : rowIds(old, "accounts")) {
            try (PreparedStatement ps = old.prepareStatement("SELECT name_key FROM accounts WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && restored.containsKey(rs.getString(1))) {
                        map.put(id, restored.get(rs.getString(1)));
                    }
                }
            } catch (SQLException unreadable) {
                LOG.log(Level.FINE, "account row " + id + " is unreadable", unreadable);
            }
        }
        return map;
    }

    /** Copies one table row by row; returns {rows copied, rows that could not be read or kept}. */
    private static int[] copy(Connection old, Database fresh, String table, Map<Long, Long> accountIds,
                              Set<Long> taskIds) {
        Set<String> freshColumns = fresh.read("read the columns of " + table, c -> columns(c, table));
        List<Map<String, Object>> rows = new ArrayList<>();
        int unreadable = 0;
        List<Long> ids;
        try {
            ids = rowIds(old, table);
        } catch (SQLException e) {
            return new int[] {0, 0};
        }
        for (long rowid : ids) {
            try (PreparedStatement ps = old.prepareStatement("SELECT * FROM " + table + " WHERE rowid = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        rows.add(row(rs, freshColumns));
                    }
                }
            } catch (SQLException e) {
                unreadable++;
            }
        }
        int[] counts = {0, unreadable};
        for (Map<String, Object> row : rows) {
            if (!fits(table, row, accountIds, taskIds)) {
                counts[1]++;
                continue;
            }
            try {
                int inserted = fresh.write("salvage a row of " + table, c -> insert(c, table, row));
                if (inserted > 0) {
                    counts[0]++;
                    if (table.equals("tasks")) {
                        taskIds.add(((Number) row.get("id")).longValue());
                    }
                } else {
                    counts[1]++;
                }
            } catch (StoreException e) {
                counts[1]++;
            }
        }
        return counts;
    }

    /**
     * Whether a row read from a damaged page is whole: text with NUL characters came from zero-filled (lost)
     * overflow pages, and a task's JSON columns must still parse.
     */
    private static boolean intact(String table, Map<String, Object> row) {
        for (Object v : row.values()) {
            if (v instanceof String text && text.indexOf('\0') >= 0) {
                return false;
            }
        }
        if (table.equals("tasks")) {
            for (String column : List.of("parameters_json", "raw_json")) {
                if (row.get(column) instanceof String json) {
                    try {
                        com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(json);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A row may be kept when what it belongs to was kept; a task gets its restored account's id. */
    private static boolean fits(String table, Map<String, Object> row, Map<Long, Long> accountIds, Set<Long> taskIds) {
        if (!intact(table, row)) {
            return false;
        }
        if (table.equals("tasks")) {
            Object account = row.get("account_id");
            Long mapped = account instanceof Number n ? accountIds.get(n.longValue()) : null;
            if (mapped == null || !(row.get("id") instanceof Number)) {
                return false;
            }
            row.put("account_id", mapped);
            return true;
        }
        return row.get("task_id") instanceof Number n && taskIds.contains(n.longValue());
    }

    private static Map<String, Object> row(ResultSet rs, Set<String> keep) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
            if (keep.contains(name)) {
                row.put(name, rs.getObject(i));
            }
        }
        return row;
    }

    private static int insert(Connection c, String table, Map<String, Object> row) throws SQLException {
        String names = String.join(", ", row.keySet());
        String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + table + " (" + names
                + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object v : row.values()) {
                ps.setObject(i++, v);
            }
            return ps.executeUpdate();
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Every rowid that can be found: a scan of the table, then of each of its indexes, each until it hits an
     * unreadable page. Throws only when the table cannot be found at all.
     */
    private static List<Long> rowIds(Connection old, String table) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        scan(old, "SELECT rowid FROM " + table, ids);
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement ps = old.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "indexes of " + table + " are unreadable", e);
        }
        for (String index : indexes) {
            scan(old, "SELECT rowid FROM " + table + " INDEXED BY \"" + index.replace("\"", "\"\"") + "\"", ids);
        }
        if (ids.isEmpty()) {
            // Distinguish "empty" from "no such table": the latter throws here.
            try (Statement s = old.createStatement()) {
                s.executeQuery("SELECT 1 FROM " + table + " LIMIT 0").close();
            }
        }
        return new ArrayList<>(ids);
    }

    private static void scan(Connection old, String sql, Set<Long> ids) {
        try (Statement s = old.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            // An unreadable page ends this scan; the ids read so far stand, and other scans may reach further.
            LOG.log(Level.FINE, "scan stopped: " + sql, e);
        }
    }
}
