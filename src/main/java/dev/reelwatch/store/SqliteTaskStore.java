package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The task cache over SQLite: batch upserts with a status timeline, filtered and full-text queries. */
public final class SqliteTaskStore implements TaskStore {
    /**
     * Newest first by the provider's creation time, or by when Reelwatch first saw a task whose provider gives
     * none (MoneyPrinterTurbo): such tasks sort among the others instead of all at one end.
     */
    private static final String ORDER = " ORDER BY coalesce(t.created_at, t.first_seen_at) DESC, t.id DESC";
    private static final String FROM = " FROM tasks t JOIN accounts a ON a.id = t.account_id";
    /** Ids bound in one IN (...) list, well under SQLite's limit on parameters. */
    private static final int IDS_PER_STATEMENT = 500;
    /** {@link #ORDER} in Java: sort time descending (no time last, as SQLite sorts NULL), then id descending. */
    private static final Comparator<TaskSummary> NEWEST_FIRST = Comparator
            .comparing(TaskSummary::sortTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(TaskSummary::id).reversed();

    private final Database db;
    private final Clock clock;

    public SqliteTaskStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- writes

    @Override
    public UpsertResult upsert(long accountId, List<Task> tasks) {
        if (tasks.isEmpty()) {
            return new UpsertResult(List.of(), List.of(), List.of(), 0);
        }
        long now = clock.millis();
        UpsertResult result = db.write("save tasks", c -> new Upsert(c, accountId, now).run(tasks));
        Set<Long> touched = new LinkedHashSet<>(result.inserted());
        touched.addAll(result.changed());
        db.listeners().fire(touched, Set.of());
        return result;
    }

    /** One batch upsert on the write connection; statements are prepared once per batch. */
    private static final class Upsert {
        private final Connection c;
        private final long accountId;
        private final long now;

        Upsert(Connection c, long accountId, long now) {
            this.c = c;
            this.accountId = accountId;
            this.now = now;
        }

        UpsertResult run(List<Task> tasks) throws SQLException {
            Set<Long> inserted = new LinkedHashSet<>();
            Set<Long> changed = new LinkedHashSet<>();
            Set<Long> statusChanged = new LinkedHashSet<>();
            int unchanged = 0;
            String columns = String.join(", ", TaskRows.DATA_COLUMNS);
            String placeholders = TaskRows.DATA_COLUMNS.stream().map(x -> "?").collect(Collectors.joining(", "));
            String assignments = TaskRows.DATA_COLUMNS.stream().map(x -> x + " = ?").collect(Collectors.joining(", "));
            try (PreparedStatement find = c.prepareStatement("SELECT id, status, fingerprint, on_provider,"
                    + " thumbnail_url FROM tasks WHERE account_id = ? AND provider_task_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO tasks (account_id, provider_task_id, "
                         + columns + ", on_provider, first_seen_at, last_synced_at, finished_seen_at) VALUES (?, ?, "
                         + placeholders + ", 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement update = c.prepareStatement("UPDATE tasks SET " + assignments
                         + ", on_provider = 1, last_synced_at = ?, finished_seen_at = coalesce(finished_seen_at, ?)"
                         + " WHERE id = ?");
                 PreparedStatement touch = c.prepareStatement(
                         "UPDATE tasks SET on_provider = 1, last_synced_at = ?, fingerprint = ? WHERE id = ?");
                 PreparedStatement event = c.prepareStatement("INSERT INTO task_events (task_id, at, from_status,"
                         + " to_status, provider_status) VALUES (?, ?, ?, ?, ?)");
                 OutputStatements outputSql = new OutputStatements(c)) {
                for (Task incoming : tasks) {
                    Task task = incoming.accountId() == accountId ? incoming : incoming.withAccountId(accountId);
                    find.setLong(1, accountId);
                    find.setString(2, task.providerTaskId());
                    Long id = null;
                    String oldStatus = null;
                    String oldFingerprint = null;
                    boolean wasOnProvider = true;
                    String oldThumbnail = null;
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                            oldStatus = rs.getString(2);
                            oldFingerprint = rs.getString(3);
                            wasOnProvider = rs.getInt(4) != 0;
                            oldThumbnail = rs.getString(5);
                        }
                    }
                    if (task.thumbnailUrl() == null && oldThumbnail != null) {
                        // A later answer without it (BytePlus cleans up after 24 h) never erases what was known.
                        task = task.toBuilder().thumbnailUrl(oldThumbnail).build();
                    }
                    String fingerprint = TaskFingerprint.of(task);
                    Long finishedSeen = task.status().isTerminal() ? now : null;
                    if (id == null) {
                        insert.setLong(1, accountId);
                        insert.setString(2, task.providerTaskId());
                        int next = TaskRows.bindData(insert, 3, task, fingerprint);
                        insert.setLong(next++, now);
                        insert.setLong(next++, now);
                        TaskRows.setLong(insert, next, finishedSeen);
                        insert.executeUpdate();
                        long newId;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            newId = keys.getLong(1);
                        }
                        writeOutputs(outputSql, newId, task.outputs(), true);
                        writeEvent(event, newId, null, task);
                        inserted.add(newId);
                    } else if (TaskFingerprint.matches(oldFingerprint, fingerprint, task)) {
                        // The fingerprint is rewritten in case it was an old-format one: the row is written anyway.
                        touch.setLong(1, now);
                        touch.setString(2, fingerprint);
                        touch.setLong(3, id);
                        touch.executeUpdate();
                        if (wasOnProvider) {
                            unchanged++;
                        } else if (!inserted.contains(id)) {
                            changed.add(id);
                        }
                    } else {
                        int next = TaskRows.bindData(update, 1, task, fingerprint);
                        update.setLong(next++, now);
                        TaskRows.setLong(update, next++, finishedSeen);
                        update.setLong(next, id);
                        update.executeUpdate();
                        writeOutputs(outputSql, id, task.outputs(), false);
                        boolean statusDiffers = !task.status().wireName().equals(oldStatus);
                        if (statusDiffers) {
                            writeEvent(event, id, oldStatus, task);
                        }
                        if (!inserted.contains(id)) {
                            changed.add(id);
                            if (statusDiffers) {
                                statusChanged.add(id);
                            }
                        }
                    }
                }
            }
            return new UpsertResult(List.copyOf(inserted), List.copyOf(changed), List.copyOf(statusChanged), unchanged);
        }

        private void writeEvent(PreparedStatement event, long taskId, String from, Task task) throws SQLException {
            event.setLong(1, taskId);
            event.setLong(2, now);
            event.setString(3, from);
            event.setString(4, task.status().wireName());
            event.setString(5, task.providerStatus());
            event.executeUpdate();
        }

        /**
         * Matches outputs by index. The archive state survives when the URL is the same; when a signed link
         * merely rotated, a file already archived (same checksum, if known) stays archived; anything else about
         * a changed link starts over. Outputs the provider stopped listing go, unless their file is archived.
         * An answer with no outputs at all (MeshAPI's {@code content: null} once BytePlus cleaned up) is no
         * news about them: every known URL and archive state stays.
         */
        private void writeOutputs(OutputStatements sql, long taskId, List<TaskOutput> outputs, boolean isNew)
                throws SQLException {
            if (outputs.isEmpty() && !isNew) {
                return;
            }
            Map<Integer, ExistingOutput> existing = new HashMap<>();
            if (!isNew) {
                sql.existing.setLong(1, taskId);
                try (ResultSet rs = sql.existing.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getInt(2), new ExistingOutput(rs.getLong(1), rs.getString(3),
                                rs.getString(4), TaskRows.archiveState(rs.getString(5))));
                    }
                }
            }
            Map<Integer, TaskOutput> byIndex = new LinkedHashMap<>();
            outputs.forEach(o -> byIndex.put(o.index(), o));
            for (TaskOutput output : byIndex.values()) {
                ExistingOutput old = existing.remove(output.index());
                if (old == null) {
                    sql.insert.setLong(1, taskId);
                    sql.insert.setInt(2, output.index());
                    bindOutput(sql.insert, 3, output);
                    sql.insert.executeUpdate();
                } else {
                    PreparedStatement ps = old.survives(output) ? sql.keep : sql.reset;
                    int next = bindOutput(ps, 1, output);
                    ps.setLong(next, old.id());
                    ps.executeUpdate();
                }
            }
            for (ExistingOutput gone : existing.values()) {
                if (gone.state() != ArchiveState.ARCHIVED) {
                    sql.delete.setLong(1, gone.id());
                    sql.delete.executeUpdate();
                }
            }
        }

        private static int bindOutput(PreparedStatement ps, int index, TaskOutput output) throws SQLException {
            int i = index;
            ps.setString(i++, output.url());
            ps.setString(i++, output.kind().wireName());
            TaskRows.setInstant(ps, i++, output.expiresAt());
            TaskRows.setLong(ps, i++, output.bytes());
            ps.setString(i++, output.sha256());
            ps.setString(i++, output.mimeType());
            ps.setInt(i++, output.requiresAuth() ? 1 : 0);
            ps.setString(i++, output.expirySource() == null ? null : output.expirySource().wireName());
            ps.setString(i++, output.refusal());
            return i;
        }
    }

    /** The output statements of one batch, prepared once. */
    private static final class OutputStatements implements AutoCloseable {
        final PreparedStatement existing;
        final PreparedStatement insert;
        final PreparedStatement keep;
        final PreparedStatement reset;
        final PreparedStatement delete;

        OutputStatements(Connection c) throws SQLException {
            existing = c.prepareStatement("SELECT id, idx, url, sha256, archive_state FROM task_outputs"
                    + " WHERE task_id = ?");
            insert = c.prepareStatement("INSERT INTO task_outputs (task_id, idx, url, kind, expires_at, bytes,"
                    + " sha256, mime_type, requires_auth, expiry_source, refusal)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            keep = c.prepareStatement("UPDATE task_outputs SET url = ?, kind = ?, expires_at = ?, bytes = ?,"
                    + " sha256 = ?, mime_type = ?, requires_auth = ?, expiry_source = ?, refusal = ? WHERE id = ?");
            reset = c.prepareStatement("UPDATE task_outputs SET url = ?, kind = ?, expires_at = ?, bytes = ?,"
                    + " sha256 = ?, mime_type = ?, requires_auth = ?, expiry_source = ?, refusal = ?,"
                    + " archive_state = 'none', local_path = NULL, local_bytes = NULL, local_sha256 = NULL,"
                    + " download_percent = NULL, archive_error = NULL, link_expired_at = NULL WHERE id = ?");
            delete = c.prepareStatement("DELETE FROM task_outputs WHERE id = ?");
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(existing, insert, keep, reset, delete)) {
                ps.close();
            }
        }
    }

    private record ExistingOutput(long id, String url, String sha256, ArchiveState state) {
        boolean survives(TaskOutput output) {
            if (url.equals(output.url())) {
                return true;
            }
            return state == ArchiveState.ARCHIVED
                    && (sha256 == null || output.sha256() == null || sha256.equalsIgnoreCase(output.sha256()));
        }
    }

    @Override
    public int markGoneFromProvider(long accountId, Collection<String> providerTaskIds) {
        if (providerTaskIds.isEmpty()) {
            return 0;
        }
        List<Long> gone = db.write("mark tasks as gone from the provider", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM tasks WHERE account_id = ?"
                    + " AND provider_task_id = ? AND on_provider = 1");
                 PreparedStatement mark = c.prepareStatement("UPDATE tasks SET on_provider = 0 WHERE id = ?")) {
                for (String providerTaskId : new LinkedHashSet<>(providerTaskIds)) {
                    find.setLong(1, accountId);
                    find.setString(2, providerTaskId);
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                for (long id : ids) {
                    mark.setLong(1, id);
                    mark.executeUpdate();
                }
            }
            return ids;
        });
        db.listeners().fire(new LinkedHashSet<>(gone), Set.of());
        return gone.size();
    }

    @Override
    public void removeFromHistory(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        Set<Long> removed = db.write("remove tasks from history", c -> {
            Set<Long> ids = new LinkedHashSet<>();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tasks WHERE id = ?")) {
                for (long id : new LinkedHashSet<>(taskIds)) {
                    delete.setLong(1, id);
                    if (delete.executeUpdate() > 0) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        });
        db.listeners().fire(Set.of(), removed);
    }

    /** The tables a task's rows live in, parent first (restored in this order, removed by cascade). */
    private static final List<String> TASK_TABLES = List.of("tasks", "task_outputs", "task_events", "task_tags");

    @Override
    public RemovedTasks removeFromHistoryUndoably(Collection<Long> taskIds) {
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(taskIds));
        if (wanted.isEmpty()) {
            return new RemovedTasks(List.of(), List.of());
        }
        RemovedTasks removed = db.write("remove tasks from history", c -> {
            Map<String, List<Map<String, Object>>> copies = new LinkedHashMap<>();
            TASK_TABLES.forEach(t -> copies.put(t, new ArrayList<>()));
            List<Long> gone = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + IDS_PER_STATEMENT));
                String in = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
                for (String table : TASK_TABLES) {
                    String key = table.equals("tasks") ? "id" : "task_id";
                    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key
                            + " IN (" + in + ")")) {
                        bind(ps, List.copyOf(chunk));
                        copies.get(table).addAll(rows(ps));
                    }
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM tasks WHERE id IN (" + in + ")")) {
                    bind(delete, List.copyOf(chunk));
                    delete.executeUpdate();
                }
            }
            copies.get("tasks").forEach(row -> gone.add(((Number) row.get("id")).longValue()));
            List<RemovedTasks.Rows> tables = new ArrayList<>();
            copies.forEach((table, rows) -> tables.add(new RemovedTasks.Rows(table, rows)));
            return new RemovedTasks(gone, tables);
        });
        db.listeners().fire(Set.of(), new LinkedHashSet<>(removed.taskIds()));
        return removed;
    }

    @Override
    public int restore(RemovedTasks removed) {
        if (removed.taskIds().isEmpty()) {
            return 0;
        }
        Set<Long> back = db.write("put removed tasks back", c -> {
            Set<Long> restored = new LinkedHashSet<>();
            for (RemovedTasks.Rows table : removed.tables()) {
                boolean parent = table.table().equals("tasks");
                for (Map<String, Object> row : table.rows()) {
                    long taskId = ((Number) row.get(parent ? "id" : "task_id")).longValue();
                    if (parent ? !canRestore(c, row) : !restored.contains(taskId)) {
                        continue;
                    }
                    List<String> columns = List.copyOf(row.keySet());
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table.table() + " ("
                            + String.join(", ", columns) + ") VALUES ("
                            + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")")) {
                        for (int i = 0; i < columns.size(); i++) {
                            insert.setObject(i + 1, row.get(columns.get(i)));
                        }
                        insert.executeUpdate();
                    }
                    if (parent) {
                        restored.add(taskId);
                    }
                }
            }
            return restored;
        });
        db.listeners().fire(back, Set.of());
        return back.size();
    }

    /** A removed task goes back unless its id is taken, a sync brought it back, or its account is gone. */
    private static boolean canRestore(Connection c, Map<String, Object> task) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM tasks WHERE id = ?"
                + " OR (account_id = ? AND provider_task_id = ?)), (SELECT count(*) FROM accounts WHERE id = ?)")) {
            ps.setObject(1, task.get("id"));
            ps.setObject(2, task.get("account_id"));
            ps.setObject(3, task.get("provider_task_id"));
            ps.setObject(4, task.get("account_id"));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0 && rs.getInt(2) == 1;
            }
        }
    }

    /** Every row of the result as column name to value, in column order. */
    private static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            var meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public long archivedBytes(Collection<Long> taskIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty()) {
            return 0;
        }
        return db.read("add up archived files", c -> {
            long total = 0;
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(coalesce(local_bytes, bytes, 0)), 0)"
                        + " FROM task_outputs WHERE archive_state = 'archived' AND task_id IN ("
                        + chunk.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")")) {
                    bind(ps, List.copyOf(chunk));
                    try (ResultSet rs = ps.executeQuery()) {
                        total += rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }
            return total;
        });
    }

    @Override
    public List<FailedTask> failedTasks(Long accountIdOrNull, Instant sinceOrNull) {
        String at = "coalesce(t.completed_at, t.updated_at, t.created_at, t.last_synced_at)";
        return db.read("read failed tasks", c -> {
            List<FailedTask> failed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, a.provider, t.account_id, a.name, t.model,"
                    + " t.provider_task_id, t.error_code, t.error_message, " + at + FROM + " WHERE t.status = ?"
                    + (accountIdOrNull == null ? "" : " AND t.account_id = ?")
                    + (sinceOrNull == null ? "" : " AND " + at + " >= ?") + " ORDER BY 9 DESC, t.id DESC")) {
                int i = 1;
                ps.setString(i++, TaskStatus.FAILED.wireName());
                if (accountIdOrNull != null) {
                    ps.setLong(i++, accountIdOrNull);
                }
                if (sinceOrNull != null) {
                    ps.setLong(i, sinceOrNull.toEpochMilli());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String provider = rs.getString(2);
                        failed.add(new FailedTask(rs.getLong(1), dev.reelwatch.core.ProviderKind.fromCliName(provider)
                                .orElseThrow(() -> new StoreException("The cache names an unknown provider '"
                                        + provider + "'")),
                                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
            }
            return failed;
        });
    }

    @Override
    public void updateArchive(long outputId, ArchiveState state, String localPath, Long localBytes,
                              String localSha256, Integer downloadPercent, String archiveError) {
        Objects.requireNonNull(state, "state");
        Optional<Long> taskId = db.write("record the archive state of an output", c -> {
            // link_expired_at is when a server's answer first said the link is gone; any other state clears it.
            try (PreparedStatement update = c.prepareStatement("UPDATE task_outputs SET archive_state = ?,"
                    + " local_path = ?, local_bytes = ?, local_sha256 = ?, download_percent = ?, archive_error = ?,"
                    + " link_expired_at = CASE WHEN ? THEN coalesce(link_expired_at, ?) ELSE NULL END"
                    + " WHERE id = ?");
                 PreparedStatement find = c.prepareStatement("SELECT task_id FROM task_outputs WHERE id = ?")) {
                update.setString(1, state.wireName());
                update.setString(2, localPath);
                TaskRows.setLong(update, 3, localBytes);
                update.setString(4, localSha256);
                TaskRows.setInteger(update, 5, downloadPercent);
                update.setString(6, archiveError);
                update.setInt(7, state == ArchiveState.LINK_EXPIRED ? 1 : 0);
                update.setLong(8, clock.millis());
                update.setLong(9, outputId);
                if (update.executeUpdate() == 0) {
                    // The task was removed meanwhile; there is nothing left to record.
                    return Optional.empty();
                }
                find.setLong(1, outputId);
                try (ResultSet rs = find.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
        taskId.ifPresent(id -> db.listeners().fire(Set.of(id), Set.of()));
    }

    @Override
    public void addListener(TaskChangeListener listener) {
        db.listeners().add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(TaskChangeListener listener) {
        db.listeners().remove(listener);
    }

    // ---------------------------------------------------------------- the user's library (star, note, tags)

    @Override
    public void setStarred(long taskId, boolean starred) {
        libraryWrite(taskId, "star a task", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET starred = ? WHERE id = ? AND starred != ?")) {
                ps.setInt(1, starred ? 1 : 0);
                ps.setLong(2, taskId);
                ps.setInt(3, starred ? 1 : 0);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void setNote(long taskId, String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        libraryWrite(taskId, "save a task's note", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET note = ? WHERE id = ? AND note IS NOT ?")) {
                ps.setString(1, text);
                ps.setLong(2, taskId);
                ps.setString(3, text);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void setTags(long taskId, Collection<String> tags) {
        Set<String> wanted = TaskTags.normaliseAll(tags);
        libraryWrite(taskId, "save a task's tags", c -> {
            if (!exists(c, taskId)) {
                return false;
            }
            Set<String> current = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM task_tags WHERE task_id = ?")) {
                ps.setLong(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM task_tags WHERE task_id = ? AND tag = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO task_tags (task_id, tag) VALUES (?, ?)")) {
                for (String gone : current) {
                    if (!wanted.contains(gone)) {
                        delete.setLong(1, taskId);
                        delete.setString(2, gone);
                        delete.executeUpdate();
                    }
                }
                for (String added : wanted) {
                    if (!current.contains(added)) {
                        insert.setLong(1, taskId);
                        insert.setString(2, added);
                        insert.executeUpdate();
                    }
                }
            }
            return !current.equals(wanted);
        });
    }

    @Override
    public void addTag(long taskId, String tag) {
        String t = TaskTags.normalise(tag);
        if (t.isEmpty()) {
            return;
        }
        libraryWrite(taskId, "tag a task", c -> {
            if (!exists(c, taskId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO task_tags (task_id, tag) VALUES (?, ?)")) {
                ps.setLong(1, taskId);
                ps.setString(2, t);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void removeTag(long taskId, String tag) {
        String t = TaskTags.normalise(tag);
        libraryWrite(taskId, "untag a task", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM task_tags WHERE task_id = ? AND tag = ?")) {
                ps.setLong(1, taskId);
                ps.setString(2, t);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Map<String, Integer> tagsWithCounts() {
        return db.read("count tags", c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tag, count(*) FROM task_tags GROUP BY tag ORDER BY tag");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    @Override
    public Set<Long> setStarred(Collection<Long> taskIds, boolean starred) {
        return libraryBatch(taskIds, "star tasks", "UPDATE tasks SET starred = " + (starred ? 1 : 0)
                + " WHERE id = ? AND starred != " + (starred ? 1 : 0), null);
    }

    @Override
    public Set<Long> addTag(Collection<Long> taskIds, String tag) {
        String t = TaskTags.normalise(tag);
        if (t.isEmpty()) {
            return Set.of();
        }
        return libraryBatch(taskIds, "tag tasks",
                "INSERT OR IGNORE INTO task_tags (task_id, tag) SELECT id, ? FROM tasks WHERE id = ?", t);
    }

    @Override
    public Set<Long> removeTag(Collection<Long> taskIds, String tag) {
        return libraryBatch(taskIds, "untag tasks", "DELETE FROM task_tags WHERE tag = ? AND task_id = ?",
                TaskTags.normalise(tag));
    }

    /** One statement per task in one transaction ({@code tag}, when given, bound first); one notification. */
    private Set<Long> libraryBatch(Collection<Long> taskIds, String what, String sql, String tag) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> changed = db.write(what, c -> {
            Set<Long> done = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (long id : ids) {
                    int i = 1;
                    if (tag != null) {
                        ps.setString(i++, tag);
                    }
                    ps.setLong(i, id);
                    if (ps.executeUpdate() > 0) {
                        done.add(id);
                    }
                }
            }
            return done;
        });
        if (!changed.isEmpty()) {
            db.listeners().fire(changed, Set.of());
        }
        return Set.copyOf(changed);
    }

    /** Runs one library write and tells listeners about the task when the write changed something. */
    private void libraryWrite(long taskId, String what, SqlWork<Boolean> work) {
        if (Boolean.TRUE.equals(db.write(what, work))) {
            db.listeners().fire(Set.of(taskId), Set.of());
        }
    }

    private static boolean exists(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tasks WHERE id = ?")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<StoredTask> byId(long taskId) {
        List<StoredTask> found = db.read("read a task", c ->
                select(c, " WHERE t.id = ?", List.of(taskId), "", true));
        return found.stream().findFirst();
    }

    @Override
    public Optional<StoredTask> find(long accountId, String providerTaskId) {
        List<StoredTask> found = db.read("read a task", c ->
                select(c, " WHERE t.account_id = ? AND t.provider_task_id = ?", List.of(accountId, providerTaskId),
                        "", true));
        return found.stream().findFirst();
    }

    @Override
    public List<StoredTask> query(TaskQuery query) {
        Filter filter = Filter.of(query);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(query.limit() > 0 ? query.limit() : -1);
        params.add(Math.max(0, query.offset()));
        return db.read("read tasks", c -> select(c, filter.where(), params, ORDER + " LIMIT ? OFFSET ?",
                query.includeRawJson()));
    }

    @Override
    public List<TaskSummary> summaries(TaskQuery query) {
        List<TaskSummary> rows = new ArrayList<>();
        forEachSummary(query, rows::add);
        return rows;
    }

    @Override
    public void forEachSummary(TaskQuery query, java.util.function.Consumer<TaskSummary> each) {
        Filter filter = Filter.of(query);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(query.limit() > 0 ? query.limit() : -1);
        params.add(Math.max(0, query.offset()));
        db.read("list tasks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.SUMMARY_COLUMNS + FROM
                    + filter.where() + ORDER + " LIMIT ? OFFSET ?")) {
                bind(ps, params);
                // Read in batches rather than the driver's default, and hand each row over at once.
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    TaskRows.SummaryReader reader = new TaskRows.SummaryReader();
                    while (rs.next()) {
                        each.accept(reader.read(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<TaskSummary> summariesOf(Collection<Long> taskIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read("list tasks", c -> {
            List<TaskSummary> rows = new ArrayList<>();
            TaskRows.SummaryReader reader = new TaskRows.SummaryReader();
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.SUMMARY_COLUMNS + FROM
                        + " WHERE t.id IN (" + chunk.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")")) {
                    bind(ps, new ArrayList<>(chunk));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(reader.read(rs));
                        }
                    }
                }
            }
            rows.sort(NEWEST_FIRST);
            return rows;
        });
    }

    @Override
    public int count(TaskQuery query) {
        Filter filter = Filter.of(query);
        return db.read("count tasks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tasks t" + filter.where())) {
                bind(ps, filter.params());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * The poller's question each pass. Without the "+" SQLite answers it by walking the account's sort-time index
     * for its order, every task of the account (1.4 s at a million, three times a pass, holding the read
     * connection); with it, the status index finds the few active tasks and sorts them.
     */
    static final String ACTIVE_TASKS = " WHERE t.account_id = ? AND t.on_provider = 1"
            + " AND t.status IN ('queued', 'running')";
    static final String ACTIVE_TASKS_ORDER = " ORDER BY +coalesce(t.created_at, t.first_seen_at) DESC, t.id DESC";

    @Override
    public List<StoredTask> activeTasks(long accountId) {
        return db.read("read active tasks",
                c -> select(c, ACTIVE_TASKS, List.of(accountId), ACTIVE_TASKS_ORDER, false));
    }

    @Override
    public List<String> providerTaskIds(long accountId) {
        return db.read("read task ids", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT provider_task_id FROM tasks WHERE account_id = ? ORDER BY id")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public Optional<Instant> newestCreatedAt(long accountId) {
        return db.read("read the newest task time", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(created_at) FROM tasks WHERE account_id = ?")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(TaskRows.instant(rs, "max(created_at)")) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<TaskEvent> timeline(long taskId) {
        return db.read("read a task's timeline", c -> {
            List<TaskEvent> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, from_status, to_status, provider_status,"
                    + " detail FROM task_events WHERE task_id = ? ORDER BY at, id")) {
                ps.setLong(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString("from_status");
                        events.add(new TaskEvent(taskId, TaskRows.instant(rs, "at"),
                                from == null ? null : TaskRows.status(from), TaskRows.status(rs.getString("to_status")),
                                rs.getString("provider_status"), rs.getString("detail")));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public void addTimelineNote(long taskId, String detail) {
        Objects.requireNonNull(detail, "detail");
        long now = clock.millis();
        libraryWrite(taskId, "write a note into a task's timeline", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_events (task_id, at, from_status,"
                    + " to_status, provider_status, detail) SELECT id, ?, status, status, provider_status, ?"
                    + " FROM tasks WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, detail);
                ps.setLong(3, taskId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Map<TaskStatus, Integer> countsByStatus(Long accountIdOrNull) {
        return db.read("count tasks by status", c -> {
            Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
            for (TaskStatus status : TaskStatus.values()) {
                counts.put(status, 0);
            }
            String sql = "SELECT status, count(*) FROM tasks"
                    + (accountIdOrNull == null ? "" : " WHERE account_id = ?") + " GROUP BY status";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (accountIdOrNull != null) {
                    ps.setLong(1, accountIdOrNull);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(TaskRows.status(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Links still within their (stated or inferred) lifetime first, the soonest to expire first; then links
     * without an expiry; then links already past it, the most recently passed first (the likeliest still to be
     * served). Past links are still tried: only the server's answer says a link is gone.
     * <p>
     * Each of the three groups is read per archive state, in the order of the {@code (archive_state,
     * expires_at)} index, so SQLite stops at the limit instead of sorting every waiting output: a million-task
     * cache with 750,000 videos never archived took 2.6 s a scan that way, and the archiver scans after every
     * download it finishes. The two states' lists are merged here.
     */
    @Override
    public List<StoredOutput> outputsAwaitingArchive(int limit) {
        long now = clock.millis();
        return db.read("read outputs to archive", c -> {
            List<StoredOutput> outputs = new ArrayList<>();
            for (ArchiveQueue group : ArchiveQueue.values()) {
                int wanted = limit > 0 ? limit - outputs.size() : -1;
                if (wanted == 0) {
                    break;
                }
                List<StoredOutput> merged = new ArrayList<>();
                for (ArchiveState state : AWAITING_ARCHIVE) {
                    merged.addAll(group.read(c, state, now, wanted));
                }
                merged.sort(group.order);
                outputs.addAll(wanted < 0 || merged.size() <= wanted ? merged : merged.subList(0, wanted));
            }
            return outputs;
        });
    }

    /** The archive states of outputs the archiver still has to fetch. */
    private static final List<ArchiveState> AWAITING_ARCHIVE = List.of(ArchiveState.NONE, ArchiveState.PENDING);

    /** The archiver's three groups of waiting outputs, each with its condition and order (as SQL and as Java). */
    enum ArchiveQueue {
        LIVE("o.expires_at > ? ORDER BY o.expires_at, o.id", true,
                Comparator.comparing((StoredOutput o) -> o.output().expiresAt()).thenComparingLong(StoredOutput::id)),
        NO_EXPIRY("o.expires_at IS NULL ORDER BY o.id", false, Comparator.comparingLong(StoredOutput::id)),
        PAST("o.expires_at <= ? ORDER BY o.expires_at DESC, o.id", true,
                Comparator.comparing((StoredOutput o) -> o.output().expiresAt()).reversed()
                        .thenComparingLong(StoredOutput::id));

        private final String condition;
        /** Whether the condition compares with the time now (its one parameter). */
        private final boolean asksTime;
        private final Comparator<StoredOutput> order;

        ArchiveQueue(String condition, boolean asksTime, Comparator<StoredOutput> order) {
            this.condition = condition;
            this.asksTime = asksTime;
            this.order = order;
        }

        /** The group's question for one archive state: state, then the time (unless it asks none), then a limit. */
        String sql() {
            return "SELECT " + TaskRows.OUTPUT_COLUMNS + " FROM task_outputs o JOIN tasks t ON t.id = o.task_id"
                    + " WHERE t.status = 'succeeded' AND o.archive_state = ? AND " + condition + " LIMIT ?";
        }

        List<StoredOutput> read(Connection c, ArchiveState state, long now, int limit) throws SQLException {
            List<StoredOutput> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql())) {
                int p = 1;
                ps.setString(p++, state.wireName());
                if (asksTime) {
                    ps.setLong(p++, now);
                }
                ps.setInt(p, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(TaskRows.readOutput(rs));
                    }
                }
            }
            return out;
        }
    }

    @Override
    public List<StoredOutput> outputsInState(ArchiveState state) {
        return db.read("read outputs by archive state", c -> {
            List<StoredOutput> outputs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.OUTPUT_COLUMNS
                    + " FROM task_outputs o WHERE o.archive_state = ? ORDER BY o.id")) {
                ps.setString(1, state.wireName());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outputs.add(TaskRows.readOutput(rs));
                    }
                }
            }
            return outputs;
        });
    }

    /**
     * Reads tasks matching {@code where} and then, in one more query over the same rows, all their outputs.
     * {@code tail} holds ORDER/LIMIT; {@code params} binds the where clause and then the tail.
     */
    private static List<StoredTask> select(Connection c, String where, List<Object> params, String tail,
                                           boolean includeRawJson) throws SQLException {
        Map<Long, List<StoredOutput>> outputs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.OUTPUT_COLUMNS
                + " FROM task_outputs o WHERE o.task_id IN (SELECT t.id FROM tasks t" + where + tail + ")"
                + " ORDER BY o.task_id, o.idx")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredOutput output = TaskRows.readOutput(rs);
                    outputs.computeIfAbsent(output.taskId(), k -> new ArrayList<>()).add(output);
                }
            }
        }
        Map<Long, List<String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT g.task_id, g.tag FROM task_tags g"
                + " WHERE g.task_id IN (SELECT t.id FROM tasks t" + where + tail + ") ORDER BY g.task_id, g.tag")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<StoredTask> tasks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.selectColumns(includeRawJson) + FROM
                + where + tail)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    tasks.add(TaskRows.readTask(rs, outputs.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of())));
                }
            }
        }
        return tasks;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** A {@link TaskQuery} as a where clause over {@code tasks t}. */
    private record Filter(String where, List<Object> params) {

        static Filter of(TaskQuery query) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!query.statuses().isEmpty()) {
                List<TaskStatus> statuses = List.copyOf(query.statuses());
                conditions.add("t.status IN (" + statuses.stream().map(s -> "?").collect(Collectors.joining(", "))
                        + ")");
                statuses.forEach(s -> params.add(s.wireName()));
            }
            if (query.accountId() != null) {
                conditions.add("t.account_id = ?");
                params.add(query.accountId());
            }
            Optional<String> match = SearchExpression.of(query.search());
            match.ifPresent(expression -> {
                conditions.add("t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)");
                params.add(expression);
            });
            if (query.starredOnly()) {
                conditions.add("t.starred = 1");
            }
            if (query.tag() != null) {
                conditions.add("t.id IN (SELECT task_id FROM task_tags WHERE tag = ?)");
                params.add(query.tag());
            }
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            return new Filter(where, params);
        }
    }
}
