package dev.reelwatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema's history: SQL files on the classpath, applied in order, each in its own transaction, with the
 * version kept in {@code PRAGMA user_version}. Add a migration by adding a file and naming it here.
 */
final class Migrations {
    private static final String FOLDER = "/dev/reelwatch/store/migrations/";
    private static final List<String> FILES = List.of(
            "V1__init.sql",
            "V2__personal_library.sql",
            "V3__search_notes_and_tags.sql",
            "V4__seen_times_and_link_expiry.sql",
            "V5__pause_and_failures.sql",
            "V6__rules.sql",
            "V7__unreadable_items.sql");

    private Migrations() {
    }

    /** The schema version this code writes. */
    static int latestVersion() {
        return FILES.size();
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the schema up to {@code target}; a version another process applied meanwhile is skipped. */
    static void migrate(Connection connection, int target) throws SQLException {
        for (int version = 1; version <= target; version++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    if (userVersion(connection) < version) {
                        for (String sql : statements(FILES.get(version - 1))) {
                            statement.execute(sql);
                        }
                        statement.execute("PRAGMA user_version = " + version);
                    }
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    /** Splits a migration file into statements: each ends with ';' at a line's end, a trigger with 'END;'. */
    static List<String> statements(String fileName) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + fileName + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Migration " + fileName + " could not be read", e);
        }
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            String soFar = current.toString().strip();
            boolean inTrigger = soFar.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            if (trimmed.endsWith(";") && (!inTrigger || trimmed.equalsIgnoreCase("END;"))) {
                result.add(soFar);
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Migration " + fileName + " ends inside a statement");
        }
        return result;
    }
}
