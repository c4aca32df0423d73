package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts and their sync health over SQLite. Only where a key lives is stored, never the key. */
public final class SqliteAccountStore implements AccountStore {
    private static final String COLUMNS = "id, provider, name, base_url, credential_source, credential_name,"
            + " enabled, demo";

    private final Database db;

    public SqliteAccountStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Account add(Account account) {
        long id = db.write("save an account", c -> {
            ensureNameFree(c, account.name(), null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (provider, name, name_key, base_url,"
                    + " credential_source, credential_name, enabled, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, account);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return account.withId(id);
    }

    @Override
    public void update(Account account) {
        db.write("save an account", c -> {
            ensureNameFree(c, account.name(), account.id());
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET provider = ?, name = ?, name_key = ?,"
                    + " base_url = ?, credential_source = ?, credential_name = ?, enabled = ?, demo = ? WHERE id = ?")) {
                int next = bind(ps, account);
                ps.setLong(next, account.id());
                if (ps.executeUpdate() == 0) {
                    throw new StoreException("There is no account with id " + account.id() + " to update.");
                }
                return null;
            }
        });
    }

    @Override
    public void remove(long accountId) {
        Set<Long> removedTasks = db.write("remove an account", c -> {
            Set<Long> taskIds = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tasks WHERE account_id = ?")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        taskIds.add(rs.getLong(1));
                    }
                }
            }
            // Tasks, their outputs, events and tags, and the health row go with it (ON DELETE CASCADE).
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM accounts WHERE id = ?")) {
                ps.setLong(1, accountId);
                ps.executeUpdate();
            }
            return taskIds;
        });
        db.listeners().fire(Set.of(), removedTasks);
    }

    @Override
    public List<Account> all() {
        return db.read("read accounts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY name_key, id")) {
                return readAll(ps);
            }
        });
    }

    @Override
    public Optional<Account> byId(long accountId) {
        return db.read("read an account", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE id = ?")) {
                ps.setLong(1, accountId);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Account> byName(String name) {
        return db.read("read an account", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE name_key = ?")) {
                ps.setString(1, nameKey(name));
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public void setPaused(long accountId, boolean paused) {
        db.write("pause or resume an account", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET paused = ? WHERE id = ?")) {
                ps.setInt(1, paused ? 1 : 0);
                ps.setLong(2, accountId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Set<Long> pausedIds() {
        return db.read("read paused accounts", c -> {
            Set<Long> ids = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE paused != 0 ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    @Override
    public void saveHealth(AccountHealth health) {
        db.write("save account health", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_health (account_id, last_success,"
                    + " last_attempt, last_error_kind, last_error_message, next_poll, syncing, counts,"
                    + " unreadable_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
                    + " last_success = excluded.last_success, last_attempt = excluded.last_attempt,"
                    + " last_error_kind = excluded.last_error_kind, last_error_message = excluded.last_error_message,"
                    + " next_poll = excluded.next_poll, syncing = excluded.syncing, counts = excluded.counts,"
                    + " unreadable_items = excluded.unreadable_items")) {
                ps.setLong(1, health.accountId());
                TaskRows.setInstant(ps, 2, health.lastSuccess());
                TaskRows.setInstant(ps, 3, health.lastAttempt());
                ps.setString(4, health.lastErrorKind() == null ? null : health.lastErrorKind().name());
                ps.setString(5, health.lastErrorMessage());
                TaskRows.setInstant(ps, 6, health.nextPoll());
                ps.setInt(7, health.syncing() ? 1 : 0);
                ps.setString(8, encodeCounts(health.counts()));
                ps.setInt(9, health.unreadableItems());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AccountHealth> health(long accountId) {
        return db.read("read account health", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM account_health WHERE account_id = ?")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String kind = rs.getString("last_error_kind");
                    return Optional.of(new AccountHealth(accountId, TaskRows.instant(rs, "last_success"),
                            TaskRows.instant(rs, "last_attempt"), kind == null ? null : ProviderErrorKind.valueOf(kind),
                            rs.getString("last_error_message"), TaskRows.instant(rs, "next_poll"),
                            rs.getInt("syncing") != 0, decodeCounts(rs.getString("counts")),
                            rs.getInt("unreadable_items")));
                }
            }
        });
    }

    private static void ensureNameFree(Connection c, String name, Long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE name_key = ?")) {
            ps.setString(1, nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && (exceptId == null || rs.getLong(1) != exceptId)) {
                    throw new DuplicateAccountException(name);
                }
            }
        }
    }

    /** Names compare case-insensitively in every script, not only ASCII as SQLite's NOCASE would. */
    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static int bind(PreparedStatement ps, Account account) throws SQLException {
        ps.setString(1, account.provider().cliName());
        ps.setString(2, account.name());
        ps.setString(3, nameKey(account.name()));
        ps.setString(4, account.baseUrl().toString());
        ps.setString(5, account.credential().source().name());
        ps.setString(6, account.credential().name());
        ps.setInt(7, account.enabled() ? 1 : 0);
        ps.setInt(8, account.demo() ? 1 : 0);
        return 9;
    }

    private static List<Account> readAll(PreparedStatement ps) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String provider = rs.getString("provider");
                accounts.add(new Account(rs.getLong("id"),
                        ProviderKind.fromCliName(provider).orElseThrow(
                                () -> new StoreException("The cache names an unknown provider '" + provider + "'")),
                        rs.getString("name"), URI.create(rs.getString("base_url")),
                        new CredentialRef(CredentialRef.Source.valueOf(rs.getString("credential_source")),
                                rs.getString("credential_name")),
                        rs.getInt("enabled") != 0, rs.getInt("demo") != 0));
            }
        }
        return accounts;
    }

    private static String encodeCounts(Map<TaskStatus, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey().wireName() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static Map<TaskStatus, Integer> decodeCounts(String text) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        if (text == null || text.isBlank()) {
            return counts;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                TaskStatus.fromWireName(pair.substring(0, eq))
                        .ifPresent(status -> counts.put(status, Integer.parseInt(pair.substring(eq + 1))));
            }
        }
        return counts;
    }
}
