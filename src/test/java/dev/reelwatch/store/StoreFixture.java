package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;

import java.nio.file.Path;
import java.time.Instant;

/** A real cache file in a temporary folder with its stores and a clock the test moves. */
final class StoreFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    final AdjustableClock clock = new AdjustableClock(START);
    final Database db;
    final SqliteTaskStore tasks;
    final SqliteAccountStore accounts;
    final SqliteSettingsStore settings;

    StoreFixture(Path dir) {
        db = Database.open(dir.resolve(DataDirectory.DATABASE_FILE));
        tasks = new SqliteTaskStore(db, clock);
        accounts = new SqliteAccountStore(db);
        settings = new SqliteSettingsStore(db);
    }

    Account account(String name) {
        return accounts.add(new Account(0, ProviderKind.MESHAPI, name, ProviderKind.MESHAPI.defaultBaseUrl(),
                CredentialRef.credentialsFile(name), true, false));
    }

    /** A plain task created {@code minute} minutes after the start, so ordering is easy to reason about. */
    static Task.Builder task(String providerTaskId, TaskStatus status, int minute) {
        return Task.builder(providerTaskId, status)
                .prompt("A prompt for " + providerTaskId)
                .model("veo-3")
                .createdAt(START.plusSeconds(60L * minute));
    }

    @Override
    public void close() {
        db.close();
    }
}
