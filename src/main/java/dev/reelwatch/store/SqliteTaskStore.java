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
    private static final String ORDER = " ORDER BY t.created_at DESC, t.id DESC";
    private static final String FROM = " FROM tasks t JOIN accounts a ON a.id = t.account_id";
    /** Ids bound in one IN (...) list, well under SQLite's limit on parameters. */
    private static final int IDS_PER_STATEMENT = 500;
    /** {@link #ORDER} in Java: created_at descending (no time last, as SQLite sorts NULL), then id descending. */
    private static final Comparator<TaskSummary> NEWEST_FIRST = Comparator
            .comparing(TaskSummary::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
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
            try (PreparedStatement find = c.prepareStatement("SELECT id, status, fingerprint, on_provider FROM tasks"
                    + " WHERE account_id = ? AND provider_task_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO tasks (account_id, provider_task_id, "
                         + columns + ", on_provider, first_seen_at, last_synced_at) VALUES (?, ?, " + placeholders
                         + ", 1, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement update = c.prepareStatement("UPDATE tasks SET " + assignments
                         + ", on_provider = 1, last_synced_at = ? WHERE id = ?");
                 PreparedStatement touch = c.prepareStatement(
                         "UPDATE tasks SET on_provider = 1, last_synced_at = ? WHERE id = ?");
                 PreparedStatement event = c.prepareStatement("INSERT INTO task_events (task_id, at, from_status,"
                         + " to_status, provider_status) VALUES (?, ?, ?, ?, ?)");
                 OutputStatements outputSql = new OutputStatements(c)) {
                for (Task incoming : tasks) {
                    Task task = incoming.accountId() == accountId ? incoming : incoming.withAccountId(accountId);
                    String fingerprint = TaskRows.fingerprint(task);
                    find.setLong(1, accountId);
                    find.setString(2, task.providerTaskId());
                    Long id = null;
                    String oldStatus = null;
                    String oldFingerprint = null;
                    boolean wasOnProvider = true;
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                            oldStatus = rs.getString(2);
                            oldFingerprint = rs.getString(3);
                            wasOnProvider = rs.getInt(4) != 0;
                        }
                    }
                    if (id == null) {
                        insert.setLong(1, accountId);
                        insert.setString(2, task.providerTaskId());
                        int next = TaskRows.bindData(insert, 3, task, fingerprint);
                        insert.setLong(next++, now);
                        insert.setLong(next, now);
                        insert.executeUpdate();
                        long newId;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            newId = keys.getLong(1);
                        }
                        writeOutputs(outputSql, newId, task.outputs(), true);
                        writeEvent(event, newId, null, task);
                        inserted.add(newId);
                    } else if (fingerprint.equals(oldFingerprint)) {
                        touch.setLong(1, now);
                        touch.setLong(2, id);
                        touch.executeUpdate();
                        if (wasOnProvider) {
                            unchanged++;
                        } else if (!inserted.contains(id)) {
                            changed.add(id);
                        }
                    } else {
                        int next = TaskRows.bindData(update, 1, task, fingerprint);
                        update.setLong(next++, now);
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
         */
        private void writeOutputs(OutputStatements sql, long taskId, List<TaskOutput> outputs, boolean isNew)
                throws SQLException {
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
                    + " sha256, mime_type, requires_auth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            keep = c.prepareStatement("UPDATE task_outputs SET url = ?, kind = ?, expires_at = ?, bytes = ?,"
                    + " sha256 = ?, mime_type = ?, requires_auth = ? WHERE id = ?");
            reset = c.prepareStatement("UPDATE task_outputs SET url = ?, kind = ?, expires_at = ?, bytes = ?,"
                    + " sha256 = ?, mime_type = ?, requires_auth = ?, archive_state = 'none', local_path = NULL,"
                    + " local_bytes = NULL, local_sha256 = NULL, download_percent = NULL, archive_error = NULL"
                    + " WHERE id = ?");
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

    @Override
    public void updateArchive(long outputId, ArchiveState state, String localPath, Long localBytes,
                              String localSha256, Integer downloadPercent, String archiveError) {
        Objects.requireNonNull(state, "state");
        Optional<Long> taskId = db.write("record the archive state of an output", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE task_outputs SET archive_state = ?,"
                    + " local_path = ?, local_bytes = ?, local_sha256 = ?, download_percent = ?, archive_error = ?"
                    + " WHERE id = ?");
                 PreparedStatement find = c.prepareStatement("SELECT task_id FROM task_outputs WHERE id = ?")) {
                update.setString(1, state.wireName());
                update.setString(2, localPath);
                TaskRows.setLong(update, 3, localBytes);
                update.setString(4, localSha256);
                TaskRows.setInteger(update, 5, downloadPercent);
                update.setString(6, archiveError);
                update.setLong(7, outputId);
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

    @Override
    public List<StoredTask> activeTasks(long accountId) {
        return db.read("read active tasks", c -> select(c,
                " WHERE t.account_id = ? AND t.on_provider = 1 AND t.status IN ('queued', 'running')",
                List.of(accountId), ORDER, false));
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
            try (PreparedStatement ps = c.prepareStatement("SELECT at, from_status, to_status, provider_status"
                    + " FROM task_events WHERE task_id = ? ORDER BY at, id")) {
                ps.setLong(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString("from_status");
                        events.add(new TaskEvent(taskId, TaskRows.instant(rs, "at"),
                                from == null ? null : TaskRows.status(from), TaskRows.status(rs.getString("to_status")),
                                rs.getString("provider_status")));
                    }
                }
            }
            return events;
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

    @Override
    public List<StoredOutput> outputsAwaitingArchive(int limit) {
        return db.read("read outputs to archive", c -> {
            List<StoredOutput> outputs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.OUTPUT_COLUMNS
                    + " FROM task_outputs o JOIN tasks t ON t.id = o.task_id"
                    + " WHERE t.status = 'succeeded' AND o.archive_state IN ('none', 'pending')"
                    + " ORDER BY o.expires_at IS NULL, o.expires_at, o.id LIMIT ?")) {
                ps.setInt(1, limit > 0 ? limit : -1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outputs.add(TaskRows.readOutput(rs));
                    }
                }
            }
            return outputs;
        });
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
