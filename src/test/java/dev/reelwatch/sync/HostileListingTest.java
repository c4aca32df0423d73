package dev.reelwatch.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile list answers for every provider: a page that repeats forever, a server that invents new items
 * forever, numbers no field can hold, and items that cannot be read beside cached tasks. Each pass ends
 * within its bound, keeps every valid task and marks nothing gone wrongly.
 */
class HostileListingTest extends SyncTestbedCase {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final int TASKS = 7;
    private static final int PAGE = 3;

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aPageThatRepeatsForeverStopsTheListingAndKeepsEveryCachedTask(ProviderKind provider) {
        SimServer sim = bed.serve(simulator(provider));
        Account account = bed.addAccount(provider, "acct", sim.baseUrl(), KEY);
        bed.syncSettings = bed.syncSettings.withPageSize(PAGE);
        assertTrue(bed.pass().run().allOk(), "a first, honest pass caches everything");
        assertEquals(TASKS, bed.cached(account.id()).size());

        AtomicReference<JsonNode> first = new AtomicReference<>();
        sim.rewriteJson((route, body) -> {
            if (!"list".equals(route)) {
                return body;
            }
            first.compareAndSet(null, body.deepCopy());
            return promiseMore(provider, first.get().deepCopy());
        });
        advance(Duration.ofMinutes(5));

        AccountSyncSummary s = assertTimeoutPreemptively(HANG_GUARD, () -> bed.pass().run().accounts().get(0));

        assertFalse(s.ok());
        assertTrue(s.errors().stream().anyMatch(e -> e.contains("keeps returning the same page")), s.errors()::toString);
        assertTrue(sim.requestCount("list") < 10, "stopped at the first repeat, not at a page cap");
        List<StoredTask> cached = bed.cached(account.id());
        assertEquals(TASKS, cached.size(), "nothing lost");
        assertTrue(cached.stream().allMatch(StoredTask::onProvider), "nothing marked gone by a cut listing");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aServerThatInventsItemsForeverIsStoppedByThePageBudget(ProviderKind provider) {
        SimServer sim = bed.serve(simulator(provider));
        Account account = bed.addAccount(provider, "acct", sim.baseUrl(), KEY);
        bed.syncSettings = bed.syncSettings.withPageSize(PAGE).withListingBudget(6, Duration.ofHours(1));
        sim.rewriteJson(inventing(provider, () -> { }));

        AccountSyncSummary s = assertTimeoutPreemptively(HANG_GUARD, () -> bed.pass().run().accounts().get(0));

        assertTrue(s.errors().stream().anyMatch(e -> e.contains("stopped after 6 pages")), s.errors()::toString);
        assertEquals(6, sim.requestCount("list"));
        assertEquals(6 * PAGE, bed.cached(account.id()).size(), "every page read is kept");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aListingThatTakesTooLongIsStoppedByTheTimeBudget(ProviderKind provider) {
        SimServer sim = bed.serve(simulator(provider));
        bed.addAccount(provider, "acct", sim.baseUrl(), KEY);
        bed.syncSettings = bed.syncSettings.withPageSize(PAGE).withListingBudget(10_000, Duration.ofMinutes(5));
        // Each page "takes" a minute on the test clock.
        sim.rewriteJson(inventing(provider, () -> advance(Duration.ofMinutes(1))));

        AccountSyncSummary s = assertTimeoutPreemptively(HANG_GUARD, () -> bed.pass().run().accounts().get(0));

        assertTrue(s.errors().stream().anyMatch(e -> e.contains("took longer than 5 min")), s.errors()::toString);
        assertEquals(5, sim.requestCount("list"));
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void outOfRangeNumbersMakeOnlyThatFieldUnknown(ProviderKind provider) {
        SimServer sim = bed.serve(simulator(provider));
        Account account = bed.addAccount(provider, "acct", sim.baseUrl(), KEY);
        AtomicReference<String> twentyDigits = new AtomicReference<>();
        AtomicReference<String> minLong = new AtomicReference<>();
        sim.rewriteJson((route, body) -> {
            List<ObjectNode> items = FaultMatrixTest.taskObjects(body);
            if ("list".equals(route) && items.size() >= 3) {
                items.get(0).put("created_at", "12345678901234567890");
                twentyDigits.set(id(items.get(0)));
                items.get(1).put("created_at", Long.MIN_VALUE);
                minLong.set(id(items.get(1)));
                items.get(2).put("updated_at", "99999999999999999999999999999999999999");
                items.get(2).put("duration", Long.MAX_VALUE);
                items.get(2).put("progress", "1e400");
            }
            return body;
        });

        AccountSyncSummary s = assertTimeoutPreemptively(HANG_GUARD, () -> bed.pass().run().accounts().get(0));

        assertTrue(s.ok(), s.errors()::toString);
        assertTrue(s.unreadable().isEmpty(), s.unreadable()::toString);
        assertEquals(TASKS, bed.cached(account.id()).size(), "no valid task lost");
        StoredTask odd = bed.tasks.find(account.id(), twentyDigits.get()).orElseThrow();
        assertNull(odd.task().createdAt(), "a time no Instant can hold is unknown");
        assertTrue(odd.task().rawJson().contains("12345678901234567890"), "the raw value is kept");
        assertNull(bed.tasks.find(account.id(), minLong.get()).orElseThrow().task().createdAt());
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void anUnreadableItemBesideCachedTasksIsCountedAndNothingIsMarkedGone(ProviderKind provider) {
        SimServer sim = bed.serve(simulator(provider));
        Account account = bed.addAccount(provider, "acct", sim.baseUrl(), KEY);
        assertTrue(bed.pass().run().allOk());
        assertEquals(TASKS, bed.cached(account.id()).size());

        // One listed task comes back without anything to know it by: it cannot be read.
        sim.rewriteJson((route, body) -> {
            if ("list".equals(route)) {
                ObjectNode first = FaultMatrixTest.taskObjects(body).get(0);
                first.remove(List.of("id", "task_id"));
                first.put("status", "garbled");
            }
            return body;
        });
        advance(Duration.ofMinutes(5));

        AccountSyncSummary s = assertTimeoutPreemptively(HANG_GUARD, () -> bed.pass().run().accounts().get(0));

        assertEquals(1, s.unreadable().size(), s.unreadable()::toString);
        assertTrue(s.unreadableNote().orElseThrow().startsWith("1 task could not be read: "));
        assertEquals(0, s.gone(), "the task behind the unreadable item is still on the provider");
        assertTrue(bed.cached(account.id()).stream().allMatch(StoredTask::onProvider));
        assertEquals(1, bed.accounts.health(account.id()).orElseThrow().unreadableItems());
    }

    // ------------------------------------------------------------------ hostile answers

    private SimServer simulator(ProviderKind provider) {
        List<SimTask> tasks = history(provider == ProviderKind.PHASEO ? "vid_0123456789abcdef_" : "t-", TASKS);
        return switch (provider) {
            case MESHAPI -> new MeshApiSimulator(bed.clock, KEY, tasks);
            case PHASEO -> {
                PhaseoSimulator s = new PhaseoSimulator(bed.clock, KEY, tasks);
                s.setVideoApiEnabled(true);
                yield s;
            }
            case MONEYPRINTERTURBO -> new MoneyPrinterSimulator(bed.clock, tasks);
            case HEDRA -> new HedraSimulator(bed.clock, KEY, tasks);
        };
    }

    /** Every list answer is the first page again, with ids never seen before and a promise of more. */
    private static SimServer.JsonRewrite inventing(ProviderKind provider, Runnable eachPage) {
        AtomicReference<JsonNode> first = new AtomicReference<>();
        AtomicInteger round = new AtomicInteger();
        return (route, body) -> {
            if (!"list".equals(route)) {
                return body;
            }
            eachPage.run();
            first.compareAndSet(null, body.deepCopy());
            JsonNode page = first.get().deepCopy();
            int n = round.incrementAndGet();
            for (ObjectNode item : FaultMatrixTest.taskObjects(page)) {
                renameId(item, id -> id + "-r" + n);
            }
            return promiseMore(provider, page);
        };
    }

    private static JsonNode promiseMore(ProviderKind provider, JsonNode page) {
        ObjectNode body = (ObjectNode) page;
        switch (provider) {
            case MESHAPI -> {
                body.put("has_more", true);
                body.put("total", 1_000_000);
            }
            // last_id stays the one the server really knows, so the cursor keeps being accepted.
            case PHASEO -> body.put("has_more", true);
            case MONEYPRINTERTURBO -> ((ObjectNode) body.get("data")).put("total", 1_000_000);
            case HEDRA -> {
                // A full page always promises more.
            }
        }
        return body;
    }

    private static void renameId(ObjectNode item, UnaryOperator<String> rename) {
        for (String field : List.of("id", "task_id")) {
            if (item.get(field) instanceof TextNode t) {
                item.put(field, rename.apply(t.asText()));
            }
        }
    }

    private static String id(ObjectNode item) {
        String id = Optional.ofNullable(item.get("id")).orElse(item.get("task_id")).asText();
        assertNotNull(id);
        return id;
    }
}
