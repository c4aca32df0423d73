package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CostUnit;
import dev.reelwatch.core.ExpirySource;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a task and its outputs are laid out in columns: binding for writes, mapping for reads. */
final class TaskRows {

    /** The task columns written from a {@link Task}, in binding order. */
    static final List<String> DATA_COLUMNS = List.of("status", "provider_status", "progress", "prompt", "model",
            "created_at", "updated_at", "started_at", "completed_at", "duration_ms", "resolution", "aspect_ratio",
            "fps", "seed", "thumbnail_url", "error_code", "error_message", "cost_amount", "cost_unit",
            "cost_currency", "eta_seconds", "poll_after_ms", "parameters_json", "raw_json", "fingerprint");

    private static final String READ_COLUMNS = "t.id, t.account_id, a.name AS account_name, a.provider,"
            + " t.provider_task_id, t.status, t.provider_status, t.progress, t.prompt, t.model, t.created_at,"
            + " t.updated_at, t.started_at, t.completed_at, t.duration_ms, t.resolution, t.aspect_ratio, t.fps,"
            + " t.seed, t.thumbnail_url, t.error_code, t.error_message, t.cost_amount, t.cost_unit,"
            + " t.cost_currency, t.eta_seconds, t.poll_after_ms, t.parameters_json, t.on_provider,"
            + " t.first_seen_at, t.last_synced_at, t.starred, t.note, t.finished_seen_at";

    static final String OUTPUT_COLUMNS = "o.id, o.task_id, o.idx, o.url, o.kind, o.expires_at, o.bytes, o.sha256,"
            + " o.mime_type, o.requires_auth, o.archive_state, o.local_path, o.local_bytes, o.local_sha256,"
            + " o.download_percent, o.archive_error, o.expiry_source, o.refusal, o.link_expired_at";

    /**
     * The select list of {@link TaskSummary}, read by position in {@link SummaryReader}. The video URL follows
     * {@code Task.primaryVideo()} (first video by index, else the first output) and "archived" follows
     * {@code StoredTask.localFile()}; both are answered by the (task_id, idx) index.
     */
    static final String SUMMARY_COLUMNS = "t.id, t.account_id, a.name, a.provider, t.provider_task_id, t.status,"
            + " t.provider_status, t.progress, t.eta_seconds, t.prompt, t.model, t.created_at, t.completed_at,"
            + " t.duration_ms, t.resolution, t.aspect_ratio, t.cost_amount, t.cost_unit, t.cost_currency,"
            + " t.on_provider, t.error_code, t.error_message,"
            + " coalesce((SELECT o.url FROM task_outputs o WHERE o.task_id = t.id"
            + " AND o.kind IN ('video', 'combined_video') ORDER BY o.idx LIMIT 1),"
            + " (SELECT o.url FROM task_outputs o WHERE o.task_id = t.id ORDER BY o.idx LIMIT 1)),"
            + " EXISTS (SELECT 1 FROM task_outputs o WHERE o.task_id = t.id AND o.archive_state = 'archived'"
            + " AND o.local_path IS NOT NULL),"
            + " t.starred, t.note,"
            + " (SELECT group_concat(g.tag, char(10)) FROM (SELECT tag FROM task_tags WHERE task_id = t.id"
            + " ORDER BY tag) g),"
            + " t.first_seen_at, t.finished_seen_at,"
            + " t.thumbnail_url IS NOT NULL AND t.thumbnail_url <> ''";

    private TaskRows() {
    }

    /**
     * Reads {@link #SUMMARY_COLUMNS} rows by position (looking columns up by name costs more than the read) and
     * shares the strings that repeat from row to row (account names, statuses, models), so 100,000 rows stay small.
     * Prompts, which may or may not repeat, are shared through a bounded table of the ones seen lately.
     */
    static final class SummaryReader {
        private final Map<String, String> shared = new HashMap<>();
        private final RecentStrings prompts = new RecentStrings(4096);
        private final Map<String, ProviderKind> providers = new HashMap<>();

        TaskSummary read(ResultSet rs) throws SQLException {
            String providerName = rs.getString(4);
            ProviderKind provider = providers.get(providerName);
            if (provider == null) {
                provider = ProviderKind.fromCliName(providerName).orElseThrow(
                        () -> new StoreException("The cache names an unknown provider '" + providerName + "'"));
                providers.put(providerName, provider);
            }
            String costAmount = rs.getString(17);
            Cost cost = costAmount == null ? null : new Cost(new BigDecimal(costAmount),
                    CostUnit.valueOf(rs.getString(18).toUpperCase(Locale.ROOT)), shared(rs.getString(19)));
            String errorCode = rs.getString(21);
            Long durationMs = longAt(rs, 14);
            return new TaskSummary(rs.getLong(1), rs.getLong(2), shared(rs.getString(3)), provider, rs.getString(5),
                    status(rs.getString(6)), shared(rs.getString(7)), integerAt(rs, 8), integerAt(rs, 9),
                    prompts.share(rs.getString(10)), shared(rs.getString(11)), instantAt(rs, 12), instantAt(rs, 13),
                    durationMs == null ? null : Duration.ofMillis(durationMs), shared(rs.getString(15)),
                    shared(rs.getString(16)), cost, rs.getString(23), rs.getInt(20) != 0, rs.getInt(24) != 0,
                    errorCode == null ? null : new TaskError(shared(errorCode), shared(rs.getString(22))),
                    rs.getInt(25) != 0, rs.getString(26), tags(rs.getString(27)), instantAt(rs, 28),
                    instantAt(rs, 29), rs.getInt(30) != 0);
        }

        private List<String> tags(String joined) {
            if (joined == null) {
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            for (String tag : joined.split("\n")) {
                tags.add(shared(tag));
            }
            return tags;
        }

        private String shared(String value) {
            return value == null ? null : shared.computeIfAbsent(value, v -> v);
        }
    }

    private static Long longAt(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integerAt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instantAt(ResultSet rs, int column) throws SQLException {
        Long millis = longAt(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** The select list for tasks joined with their account; leaves the raw JSON out unless asked for. */
    static String selectColumns(boolean includeRawJson) {
        return READ_COLUMNS + (includeRawJson ? ", t.raw_json" : ", '{}' AS raw_json");
    }

    /** Binds {@link #DATA_COLUMNS} from {@code index} on; returns the next free index. */
    static int bindData(PreparedStatement ps, int index, Task task, String fingerprint) throws SQLException {
        int i = index;
        ps.setString(i++, task.status().wireName());
        ps.setString(i++, task.providerStatus());
        setInteger(ps, i++, task.progress());
        ps.setString(i++, task.prompt());
        ps.setString(i++, task.model());
        setInstant(ps, i++, task.createdAt());
        setInstant(ps, i++, task.updatedAt());
        setInstant(ps, i++, task.startedAt());
        setInstant(ps, i++, task.completedAt());
        setLong(ps, i++, task.duration() == null ? null : task.duration().toMillis());
        ps.setString(i++, task.resolution());
        ps.setString(i++, task.aspectRatio());
        if (task.fps() == null) {
            ps.setNull(i++, Types.REAL);
        } else {
            ps.setDouble(i++, task.fps());
        }
        setLong(ps, i++, task.seed());
        ps.setString(i++, task.thumbnailUrl());
        ps.setString(i++, task.error() == null ? null : task.error().code());
        ps.setString(i++, task.error() == null ? null : task.error().message());
        Cost cost = task.cost();
        ps.setString(i++, cost == null ? null : cost.amount().toString());
        ps.setString(i++, cost == null ? null : cost.unit().wireName());
        ps.setString(i++, cost == null ? null : cost.currency());
        setInteger(ps, i++, task.etaSeconds());
        setLong(ps, i++, task.pollAfter() == null ? null : task.pollAfter().toMillis());
        ps.setString(i++, ParametersJson.encode(task.parameters()));
        ps.setString(i++, task.rawJson());
        ps.setString(i++, fingerprint);
        return i;
    }

    /** Reads a task row (selected with {@link #selectColumns}); its outputs and tags were read apart. */
    static StoredTask readTask(ResultSet rs, List<StoredOutput> outputs, List<String> tags) throws SQLException {
        String errorCode = rs.getString("error_code");
        String costAmount = rs.getString("cost_amount");
        Task task = new Task(rs.getLong("account_id"), rs.getString("provider_task_id"), status(rs.getString("status")),
                rs.getString("provider_status"), integer(rs, "progress"), rs.getString("prompt"),
                rs.getString("model"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "started_at"), instant(rs, "completed_at"), duration(rs, "duration_ms"),
                rs.getString("resolution"), rs.getString("aspect_ratio"), real(rs, "fps"), longValue(rs, "seed"),
                outputs.stream().map(StoredOutput::output).toList(), rs.getString("thumbnail_url"),
                errorCode == null ? null : new TaskError(errorCode, rs.getString("error_message")),
                costAmount == null ? null : new Cost(new BigDecimal(costAmount),
                        CostUnit.valueOf(rs.getString("cost_unit").toUpperCase(Locale.ROOT)),
                        rs.getString("cost_currency")),
                integer(rs, "eta_seconds"), duration(rs, "poll_after_ms"),
                ParametersJson.decode(rs.getString("parameters_json")), rs.getString("raw_json"));
        String provider = rs.getString("provider");
        return new StoredTask(rs.getLong("id"), rs.getLong("account_id"), rs.getString("account_name"),
                ProviderKind.fromCliName(provider).orElseThrow(
                        () -> new StoreException("The cache names an unknown provider '" + provider + "'")),
                task, rs.getInt("on_provider") != 0, instant(rs, "first_seen_at"),
                instant(rs, "last_synced_at"), outputs, rs.getInt("starred") != 0, rs.getString("note"), tags,
                instant(rs, "finished_seen_at"));
    }

    /** Reads an output row selected with {@link #OUTPUT_COLUMNS}. */
    static StoredOutput readOutput(ResultSet rs) throws SQLException {
        String source = rs.getString("expiry_source");
        TaskOutput output = new TaskOutput(rs.getInt("idx"), rs.getString("url"),
                OutputKind.fromWireName(rs.getString("kind")), instant(rs, "expires_at"), longValue(rs, "bytes"),
                rs.getString("sha256"), rs.getString("mime_type"), rs.getInt("requires_auth") != 0,
                source == null ? null : ExpirySource.fromWireName(source).orElse(null), rs.getString("refusal"));
        return new StoredOutput(rs.getLong("id"), rs.getLong("task_id"), output,
                archiveState(rs.getString("archive_state")), rs.getString("local_path"), longValue(rs, "local_bytes"),
                rs.getString("local_sha256"), integer(rs, "download_percent"), rs.getString("archive_error"),
                instant(rs, "link_expired_at"));
    }

    static TaskStatus status(String wireName) {
        return TaskStatus.fromWireName(wireName)
                .orElseThrow(() -> new StoreException("The cache holds an unknown task status '" + wireName + "'"));
    }

    static ArchiveState archiveState(String wireName) {
        return ArchiveState.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        setLong(ps, index, value == null ? null : value.toEpochMilli());
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = longValue(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double real(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        Long millis = longValue(rs, column);
        return millis == null ? null : Duration.ofMillis(millis);
    }
}
