package dev.reelwatch.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.reelwatch.sync.SyncTestbed.KEY;
import static dev.reelwatch.sync.SyncTestbed.history;
import static dev.reelwatch.sync.SyncTestbed.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every provider against every kind of trouble, through the real poller and the real simulators: the pass ends
 * normally, the account shows the right {@link ProviderErrorKind}, the cache keeps (or correctly takes in)
 * its tasks, no key shows up in any message, and once the trouble is gone the account is healthy again with
 * nothing lost.
 */
class FaultMatrixTest {
    /**
     * Short, so the hanging server costs little, yet long enough for a cold JVM on a busy machine to read a page
     * of 10,000 items (700 ms timed out under load).
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(2000);
    private static final int HISTORY = 24;
    private static final int HUGE_PAGE = 10_000;
    private static final Set<String> ID_FIELDS = Set.of("id", "task_id");
    private static final Set<String> STATUS_FIELDS = Set.of("status", "state");
    private static final Set<String> PROMPT_FIELDS = Set.of("prompt", "text_prompt", "video_subject", "script");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Emoji with modifiers, right-to-left Arabic and Hebrew, a combining accent, and a lot of it. */
    static final String HOSTILE_PROMPT = "👩🏽‍🚀 a cat 🐈‍⬛ — مرحبا بالعالم — שלום e\u0301 \u202Eevil\u202C "
            + "x".repeat(100_000) + " 終わり";

    @TempDir
    Path root;

    /** What one kind of trouble is and what the account must show for it. */
    enum Trouble {
        HTTP_401(Fault.UNAUTHORIZED, ProviderErrorKind.AUTHENTICATION),
        HTTP_403(Fault.FORBIDDEN, ProviderErrorKind.AUTHENTICATION),
        HTTP_404(Fault.NOT_FOUND, ProviderErrorKind.NOT_FOUND),
        HTTP_422(Fault.UNPROCESSABLE, ProviderErrorKind.VALIDATION),
        HTTP_429_RETRY_AFTER(Fault.RATE_LIMIT, ProviderErrorKind.RATE_LIMITED),
        HTTP_500(Fault.SERVER_ERROR, ProviderErrorKind.UPSTREAM),
        HTTP_501(Fault.DISABLED, ProviderErrorKind.PROVIDER_DISABLED),
        HTTP_502_HTML(Fault.BAD_GATEWAY, ProviderErrorKind.UPSTREAM),
        HTTP_503(Fault.UNAVAILABLE, ProviderErrorKind.UPSTREAM),
        UNKNOWN_HTTP_STATUS(Fault.UNKNOWN_STATUS, ProviderErrorKind.BAD_RESPONSE),
        TIMEOUT(Fault.HANG, ProviderErrorKind.NETWORK),
        CONNECTION_RESET_MID_BODY(Fault.CONNECTION_RESET, ProviderErrorKind.NETWORK),
        TRUNCATED_JSON(Fault.TRUNCATED_JSON, ProviderErrorKind.BAD_RESPONSE),
        NOT_JSON(Fault.MALFORMED_JSON, ProviderErrorKind.BAD_RESPONSE),
        RESPONSE_OF_20_MB(Fault.HUGE_BODY, null),
        WRONG_JSON_TYPES(null, null),
        UNKNOWN_TASK_STATUS(null, null),
        NULLS_IN_OPTIONAL_FIELDS(null, null),
        PAGE_OF_10000_ITEMS(null, null),
        DUPLICATE_IDS_ACROSS_PAGES(null, null),
        EMOJI_RTL_AND_VERY_LONG_PROMPTS(null, null);

        final Fault fault;
        final ProviderErrorKind expected;

        Trouble(Fault fault, ProviderErrorKind expected) {
            this.fault = fault;
            this.expected = expected;
        }

        /** Hostile data may make single items unreadable: that is a bad response of those items, nothing worse. */
        boolean accepts(ProviderErrorKind shown) {
            if (fault != null) {
                return shown == expected;
            }
            return shown == null || (tolerant() && shown == ProviderErrorKind.BAD_RESPONSE);
        }

        boolean tolerant() {
            return this == WRONG_JSON_TYPES || this == UNKNOWN_TASK_STATUS || this == NULLS_IN_OPTIONAL_FIELDS;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProviderCopesWithEveryKindOfTrouble() {
        return Stream.of(ProviderKind.values()).flatMap(provider -> Stream.of(Trouble.values())
                .map(trouble -> DynamicTest.dynamicTest(provider.cliName() + " × " + trouble,
                        () -> survive(provider, trouble))));
    }

    private void survive(ProviderKind provider, Trouble trouble) throws Exception {
        Path dir = Files.createDirectory(root.resolve(provider.cliName() + "-" + trouble));
        try (SyncTestbed bed = new SyncTestbed(dir, REQUEST_TIMEOUT)) {
            bed.syncSettings = SyncTestbed.settingsForTests().withPageSize(10);
            List<SimTask> sims = new ArrayList<>(history("old-", HISTORY));
            sims.add(live("live-a", Duration.ofMinutes(10), dev.reelwatch.sim.SimOutcome.SUCCEEDED));
            sims.add(live("live-b", Duration.ofMinutes(10), dev.reelwatch.sim.SimOutcome.FAILED));
            Set<String> terminalIds = sims.stream().map(SimTask::id).filter(id -> id.startsWith("old-"))
                    .collect(Collectors.toSet());
            SimServer sim = bed.serve(simulator(provider, bed, sims));
            if (sim instanceof HedraSimulator hedra) {
                terminalIds.addAll(hedra.imageGenerationIds());
            }
            sim.faults().latency(Duration.ZERO).retryAfterSeconds(30).hangFor(REQUEST_TIMEOUT.multipliedBy(3));
            Account account = bed.addAccount(provider, "acct", sim.baseUrl(),
                    provider.needsApiKey() ? KEY : null);
            PollingSyncService sync = bed.service();

            sync.runDuePasses();
            assertNull(health(sync, account).lastErrorKind(), () -> "a clean first pass: " + health(sync, account));
            Map<String, TaskStatus> before = statuses(bed, account);
            int cachedBefore = before.size();
            assertTrue(cachedBefore >= HISTORY + 2, "the first pass cached the history: " + cachedBefore);

            AtomicInteger extraIds = new AtomicInteger();
            if (trouble.fault != null) {
                sim.faults().on(trouble.fault);
            } else {
                sim.rewriteJson(hostileData(trouble, terminalIds, extraIds));
            }
            bed.clock.advance(Duration.ofMinutes(1));
            sync.refreshNow();
            sync.runDuePasses();

            AccountHealth troubled = health(sync, account);
            assertTrue(trouble.accepts(troubled.lastErrorKind()),
                    () -> "the account shows " + troubled.lastErrorKind() + " (" + troubled.lastErrorMessage() + ")");
            if (troubled.lastErrorMessage() != null) {
                assertFalse(troubled.lastErrorMessage().contains(KEY), "the message names no key");
                assertTrue(troubled.lastErrorMessage().contains("'acct'"), "the message names the account");
            }
            Map<String, TaskStatus> during = statuses(bed, account);
            assertEquals(cachedBefore + extraIds.get(), during.size(), "tasks before and after the trouble");
            if (trouble.fault != null && trouble.expected != null) {
                assertEquals(before, during, "a failed pass leaves the cache as it was");
            }
            if (trouble == Trouble.EMOJI_RTL_AND_VERY_LONG_PROMPTS) {
                assertTrue(bed.cached(account.id()).stream().anyMatch(t -> HOSTILE_PROMPT.equals(t.task().prompt())),
                        "a hostile prompt is kept exactly");
            }

            sim.faults().clear();
            sim.rewriteJson(null);
            bed.clock.advance(Duration.ofHours(2));
            sync.refreshNow();
            sync.runDuePasses();
            AccountHealth recovered = health(sync, account);
            assertNull(recovered.lastErrorKind(), () -> "healthy again: " + recovered.lastErrorMessage());
            Map<String, TaskStatus> after = statuses(bed, account);
            assertEquals(cachedBefore + extraIds.get(), after.size(), "nothing lost, nothing doubled");
            for (Map.Entry<String, TaskStatus> e : before.entrySet()) {
                if (terminalIds.contains(e.getKey())) {
                    assertEquals(e.getValue(), after.get(e.getKey()), "finished task " + e.getKey() + " is as it was");
                }
            }
        }
    }

    private static SimServer simulator(ProviderKind provider, SyncTestbed bed, List<SimTask> sims) {
        return switch (provider) {
            case MESHAPI -> {
                MeshApiSimulator s = new MeshApiSimulator(bed.clock, KEY, sims);
                s.setIncludePrompt(true);
                yield s;
            }
            case PHASEO -> {
                PhaseoSimulator s = new PhaseoSimulator(bed.clock, KEY, sims);
                s.setVideoApiEnabled(true);
                s.setIncludePrompt(true);
                yield s;
            }
            case MONEYPRINTERTURBO -> new MoneyPrinterSimulator(bed.clock, sims);
            case HEDRA -> new HedraSimulator(bed.clock, KEY, sims);
        };
    }

    private static AccountHealth health(PollingSyncService sync, Account account) {
        return sync.status().health().get(account.id());
    }

    private static Map<String, TaskStatus> statuses(SyncTestbed bed, Account account) {
        Map<String, TaskStatus> out = new HashMap<>();
        for (StoredTask t : bed.cached(account.id())) {
            TaskStatus previous = out.put(t.task().providerTaskId(), t.task().status());
            assertNull(previous, "task " + t.task().providerTaskId() + " is cached once");
        }
        return out;
    }

    // ------------------------------------------------------------------ hostile data, for every provider alike

    private static SimServer.JsonRewrite hostileData(Trouble trouble, Set<String> terminalIds, AtomicInteger extra) {
        return switch (trouble) {
            case WRONG_JSON_TYPES -> eachTask(FaultMatrixTest::wrongTypes);
            case UNKNOWN_TASK_STATUS -> eachTask(t -> {
                for (String f : STATUS_FIELDS) {
                    if (t.has(f)) {
                        t.set(f, t.get(f).isNumber() ? IntNode.valueOf(42) : TextNode.valueOf("levitating"));
                    }
                }
            });
            case NULLS_IN_OPTIONAL_FIELDS -> eachTask(t -> {
                List<String> names = new ArrayList<>();
                t.fieldNames().forEachRemaining(names::add);
                names.stream().filter(n -> !ID_FIELDS.contains(n) && !STATUS_FIELDS.contains(n))
                        .forEach(t::putNull);
            });
            case EMOJI_RTL_AND_VERY_LONG_PROMPTS -> eachTask(FaultMatrixTest::hostilePrompts);
            case DUPLICATE_IDS_ACROSS_PAGES -> duplicateAcrossPages();
            case PAGE_OF_10000_ITEMS -> hugeFirstPage(terminalIds, extra);
            default -> throw new IllegalArgumentException(trouble + " is not about data");
        };
    }

    private static SimServer.JsonRewrite eachTask(java.util.function.Consumer<ObjectNode> edit) {
        return (route, body) -> {
            taskObjects(body).forEach(edit);
            return body;
        };
    }

    /** The task objects of a list or single-task answer, whatever the provider's envelope. */
    static List<ObjectNode> taskObjects(JsonNode body) {
        ArrayNode list = listArray(body);
        List<ObjectNode> out = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> {
                if (n instanceof ObjectNode o) {
                    out.add(o);
                }
            });
        } else if (body.get("data") instanceof ObjectNode data) {
            out.add(data);
        } else if (body instanceof ObjectNode o) {
            out.add(o);
        }
        return out;
    }

    private static ArrayNode listArray(JsonNode body) {
        JsonNode data = body.get("data");
        if (data instanceof ArrayNode a) {
            return a;
        }
        if (data != null && data.get("tasks") instanceof ArrayNode a) {
            return a;
        }
        return null;
    }

    private static void wrongTypes(ObjectNode t) {
        Iterator<Map.Entry<String, JsonNode>> fields = t.fields();
        Map<String, JsonNode> swapped = new HashMap<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (ID_FIELDS.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            JsonNode wrong = v.isTextual() ? IntNode.valueOf(7)
                    : v.isNumber() ? TextNode.valueOf("seven")
                    : v.isBoolean() ? TextNode.valueOf("yes")
                    : v.isObject() ? NODES.arrayNode().add(1)
                    : v.isArray() ? TextNode.valueOf("[not, a, list]")
                    : v;
            swapped.put(e.getKey(), wrong);
        }
        t.setAll(swapped);
    }

    private static void hostilePrompts(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (PROMPT_FIELDS.contains(n) && o.get(n).isTextual()) {
                    o.put(n, HOSTILE_PROMPT);
                } else {
                    hostilePrompts(o.get(n));
                }
            }
        }
    }

    /** Every list page starts with the first item of the page before it, as offset paging does when tasks arrive. */
    private static SimServer.JsonRewrite duplicateAcrossPages() {
        AtomicReference<JsonNode> previousFirst = new AtomicReference<>();
        return (route, body) -> {
            ArrayNode list = "list".equals(route) ? listArray(body) : null;
            if (list == null || list.isEmpty()) {
                return body;
            }
            JsonNode first = list.get(0).deepCopy();
            JsonNode carried = previousFirst.getAndSet(first);
            if (carried != null) {
                list.insert(0, carried);
            }
            list.add(list.get(list.size() - 1).deepCopy());
            return body;
        };
    }

    /** The first list answer carries 10,000 items: copies of a finished task under new ids. */
    private static SimServer.JsonRewrite hugeFirstPage(Set<String> terminalIds, AtomicInteger extra) {
        AtomicInteger lists = new AtomicInteger();
        return (route, body) -> {
            ArrayNode list = "list".equals(route) ? listArray(body) : null;
            if (list == null || lists.getAndIncrement() > 0) {
                return body;
            }
            ObjectNode model = null;
            for (JsonNode n : list) {
                if (n instanceof ObjectNode o && terminalIds.contains(idOf(o))) {
                    model = o;
                    break;
                }
            }
            if (model == null) {
                return body;
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; list.size() < HUGE_PAGE; i++) {
                ObjectNode copy = model.deepCopy();
                String id = idOf(model) + "-copy-" + i;
                for (String f : ID_FIELDS) {
                    if (copy.has(f)) {
                        copy.put(f, id);
                    }
                }
                list.add(copy);
                ids.add(id);
            }
            extra.set(ids.size());
            return body;
        };
    }

    private static String idOf(ObjectNode o) {
        Function<String, String> text = f -> o.hasNonNull(f) ? o.get(f).asText() : null;
        String id = text.apply("task_id");
        return id != null ? id : text.apply("id");
    }
}
