package dev.reelwatch.usage;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.TaskStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A known set of tasks for checking usage figures by hand (all times UTC). Since {@link #SINCE}:
 * <pre>
 * provider  tasks ok failed  cost                 | model        tasks ok failed cost              median
 * meshapi   4     3  1       3200 tokens          | veo-3        5     4  1      3200 tok, 0.60 USD 150 s
 * phaseo    4     2  1       1.00 USD, 0.10 EUR   | kling-1.6    3     1  1      0.40 USD, 0.10 EUR 300 s
 * hedra     2     1  0       12 credits           | character-3  2     1  0      12 credits         90 s
 * </pre>
 * plus one older meshapi task (veo-2, 100 tokens) on 2025-02-20. Weeks: 2025-03-03 and 2025-03-10.
 */
public final class UsageFixture {
    public static final LocalDate SINCE = LocalDate.parse("2025-03-01");

    private UsageFixture() {
    }

    /** Adds three accounts (MeshAPI, Phaseo, Hedra) and the tasks to the stores. */
    public static void fill(AccountStore accounts, TaskStore tasks) {
        Account mesh = account(accounts, ProviderKind.MESHAPI, "Mesh");
        Account phaseo = account(accounts, ProviderKind.PHASEO, "Phaseo");
        Account hedra = account(accounts, ProviderKind.HEDRA, "Hedra");
        tasks.upsert(mesh.id(), List.of(
                task("m0", "veo-2", "2025-02-20T10:00:00Z", TaskStatus.SUCCEEDED, 60, Cost.tokens(100)),
                task("m1", "veo-3", "2025-03-03T10:00:00Z", TaskStatus.SUCCEEDED, 60, Cost.tokens(1000)),
                task("m2", "veo-3", "2025-03-03T11:00:00Z", TaskStatus.SUCCEEDED, 120, Cost.tokens(1500)),
                task("m3", "veo-3", "2025-03-04T09:00:00Z", TaskStatus.FAILED, 30, Cost.tokens(200)),
                task("m4", "veo-3", "2025-03-10T10:00:00Z", TaskStatus.SUCCEEDED, 180, Cost.tokens(500))));
        tasks.upsert(phaseo.id(), List.of(
                task("p1", "kling-1.6", "2025-03-04T12:00:00Z", TaskStatus.SUCCEEDED, 300, usd("0.40")),
                task("p2", "kling-1.6", "2025-03-05T08:00:00Z", TaskStatus.CANCELLED, 10, null),
                task("p3", "veo-3", "2025-03-11T10:00:00Z", TaskStatus.SUCCEEDED, 240, usd("0.60")),
                task("p4", "kling-1.6", "2025-03-12T11:00:00Z", TaskStatus.FAILED, 20,
                        Cost.money(new BigDecimal("0.10"), "EUR"))));
        tasks.upsert(hedra.id(), List.of(
                task("h1", "character-3", "2025-03-05T09:00:00Z", TaskStatus.SUCCEEDED, 90,
                        Cost.credits(new BigDecimal("12"))),
                task("h2", "character-3", "2025-03-12T10:00:00Z", TaskStatus.RUNNING, -1, null)));
    }

    private static Account account(AccountStore accounts, ProviderKind kind, String name) {
        return accounts.add(new Account(0, kind, name, kind.defaultBaseUrl(), CredentialRef.none(), true, false));
    }

    private static Cost usd(String amount) {
        return Cost.money(new BigDecimal(amount), "USD");
    }

    /** {@code secondsToFinish} &lt; 0: not finished. */
    private static Task task(String id, String model, String created, TaskStatus status, int secondsToFinish,
                             Cost cost) {
        Instant at = Instant.parse(created);
        return Task.builder(id, status).prompt("Prompt of " + id).model(model).createdAt(at)
                .completedAt(secondsToFinish < 0 ? null : at.plusSeconds(secondsToFinish)).cost(cost).build();
    }
}
