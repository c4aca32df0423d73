package dev.reelwatch.store;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The rules and their firing records over SQLite (tables {@code rules} and {@code rule_firings}). */
public final class SqliteRuleStore implements RuleStore {
    private static final System.Logger LOG = System.getLogger(SqliteRuleStore.class.getName());
    private static final String COLUMNS = "id, name, enabled, when_statuses, account, provider, model,"
            + " prompt_contains, has_tag, add_tags, star, export_to, name_template, notify, created_at, active_since";
    private static final int IDS_PER_STATEMENT = 500;

    private final Database db;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public SqliteRuleStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Rule> all() {
        return db.read("read rules", c -> {
            List<Rule> rules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rules ORDER BY name_key, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(read(rs));
                }
            }
            return rules;
        });
    }

    @Override
    public Optional<Rule> byName(String name) {
        return db.read("read a rule", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rules WHERE name_key = ?")) {
                ps.setString(1, key(name));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Rule add(Rule draft) {
        String name = requireName(draft.name());
        long now = clock.millis();
        long id = db.write("save a rule", c -> {
            refuseTakenName(c, name, 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rules (name, name_key, enabled, when_statuses,"
                    + " account, provider, model, prompt_contains, has_tag, add_tags, star, export_to, name_template,"
                    + " notify, created_at, active_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                int next = bind(ps, name, draft);
                ps.setLong(next++, now);
                ps.setLong(next, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        fire();
        return byName(name).filter(r -> r.id() == id).orElseThrow();
    }

    @Override
    public Rule update(Rule rule) {
        String name = requireName(rule.name());
        long now = clock.millis();
        boolean updated = db.write("save a rule", c -> {
            refuseTakenName(c, name, rule.id());
            boolean wasEnabled;
            try (PreparedStatement ps = c.prepareStatement("SELECT enabled FROM rules WHERE id = ?")) {
                ps.setLong(1, rule.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    wasEnabled = rs.getInt(1) != 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE rules SET name = ?, name_key = ?, enabled = ?,"
                    + " when_statuses = ?, account = ?, provider = ?, model = ?, prompt_contains = ?, has_tag = ?,"
                    + " add_tags = ?, star = ?, export_to = ?, name_template = ?, notify = ?,"
                    + " active_since = CASE WHEN ? THEN ? ELSE active_since END WHERE id = ?")) {
                int next = bind(ps, name, rule);
                // A rule switched back on starts afresh: what changed while it was off is for `rules run`.
                ps.setInt(next++, !wasEnabled && rule.enabled() ? 1 : 0);
                ps.setLong(next++, now);
                ps.setLong(next, rule.id());
                ps.executeUpdate();
            }
            return true;
        });
        if (!updated) {
            throw new StoreException("The rule '" + name + "' no longer exists.");
        }
        fire();
        return byName(name).orElseThrow();
    }

    @Override
    public boolean remove(String name) {
        boolean removed = db.write("remove a rule", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rules WHERE name_key = ?")) {
                ps.setString(1, key(name));
                return ps.executeUpdate() > 0;
            }
        });
        if (removed) {
            fire();
        }
        return removed;
    }

    @Override
    public boolean claimFiring(long ruleId, long taskId) {
        long now = clock.millis();
        return db.write("record that a rule fired", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO rule_firings (rule_id, task_id,"
                    + " fired_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?)"
                    + " AND EXISTS (SELECT 1 FROM tasks WHERE id = ?)")) {
                ps.setLong(1, ruleId);
                ps.setLong(2, taskId);
                ps.setLong(3, now);
                ps.setLong(4, ruleId);
                ps.setLong(5, taskId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean hasFired(long ruleId, long taskId) {
        return db.read("read a rule's firings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM rule_firings WHERE rule_id = ? AND task_id = ?")) {
                ps.setLong(1, ruleId);
                ps.setLong(2, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public Map<Long, Integer> firedCounts() {
        return db.read("count rule firings", c -> {
            Map<Long, Integer> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rule_id, count(*) FROM rule_firings GROUP BY rule_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    @Override
    public void recordExport(long ruleId, long taskId, String state, String path, String error) {
        db.write("record a rule's export", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rule_firings SET export_state = ?,"
                    + " export_path = ?, export_error = ? WHERE rule_id = ? AND task_id = ?")) {
                ps.setString(1, state);
                ps.setString(2, path);
                ps.setString(3, error);
                ps.setLong(4, ruleId);
                ps.setLong(5, taskId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<RuleFiring> unfinishedExports() {
        return db.read("read unfinished rule exports", c -> {
            List<RuleFiring> firings = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rule_id, task_id, fired_at, export_state,"
                    + " export_path, export_error FROM rule_firings WHERE export_state IN ('pending', 'failed')"
                    + " ORDER BY fired_at, rule_id, task_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    firings.add(new RuleFiring(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return firings;
        });
    }

    @Override
    public Map<Long, StatusEntry> statusEntries(Collection<Long> taskIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read("read when tasks entered their status", c -> {
            Map<Long, StatusEntry> entries = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                // Ordered oldest first, so the last entry read per task is the one that brought its status.
                try (PreparedStatement ps = c.prepareStatement("SELECT task_id, to_status, at FROM task_events"
                        + " WHERE detail IS NULL AND task_id IN ("
                        + chunk.stream().map(x -> "?").collect(Collectors.joining(", ")) + ") ORDER BY task_id, at, id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long taskId = rs.getLong(1);
                            entries.put(taskId, new StatusEntry(taskId, TaskRows.status(rs.getString(2)),
                                    Instant.ofEpochMilli(rs.getLong(3))));
                        }
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A rule listener failed", e);
            }
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException("A rule needs a name.");
        }
        return name.strip();
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private static void refuseTakenName(Connection c, String name, long ownId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM rules WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != ownId) {
                    throw new DuplicateRuleException(name);
                }
            }
        }
    }

    private static int bind(PreparedStatement ps, String name, Rule rule) throws SQLException {
        int i = 1;
        ps.setString(i++, name);
        ps.setString(i++, key(name));
        ps.setInt(i++, rule.enabled() ? 1 : 0);
        ps.setString(i++, rule.when().stream().sorted().map(TaskStatus::wireName).collect(Collectors.joining(",")));
        RuleConditions w = rule.conditions();
        ps.setString(i++, w.account());
        ps.setString(i++, w.provider() == null ? null : w.provider().cliName());
        ps.setString(i++, w.model());
        ps.setString(i++, w.promptContains());
        ps.setString(i++, w.hasTag());
        RuleActions a = rule.actions();
        ps.setString(i++, String.join("\n", a.addTags()));
        ps.setInt(i++, a.star() ? 1 : 0);
        ps.setString(i++, a.exportTo());
        ps.setString(i++, a.nameTemplate());
        if (a.notification() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, a.notification() ? 1 : 0);
        }
        return i;
    }

    private static Rule read(ResultSet rs) throws SQLException {
        Set<TaskStatus> when = EnumSet.noneOf(TaskStatus.class);
        Arrays.stream(rs.getString("when_statuses").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> TaskStatus.fromWireName(s).ifPresent(when::add));
        String provider = rs.getString("provider");
        RuleConditions conditions = new RuleConditions(rs.getString("account"),
                provider == null ? null : ProviderKind.fromCliName(provider).orElse(null), rs.getString("model"),
                rs.getString("prompt_contains"), rs.getString("has_tag"));
        String tags = rs.getString("add_tags");
        int notify = rs.getInt("notify");
        Boolean notifyChoice = rs.wasNull() ? null : notify != 0;
        RuleActions actions = new RuleActions(tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n")),
                rs.getInt("star") != 0, rs.getString("export_to"), rs.getString("name_template"), notifyChoice);
        return new Rule(rs.getLong("id"), rs.getString("name"), rs.getInt("enabled") != 0, when, conditions, actions,
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("active_since")));
    }
}
