package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-item isolation, the same-page stop and the consumer's budget, independent of any provider. */
class PageCollectorTest {
    private static final PageCollector.ItemWords WORDS = PageCollector.ItemWords.of(ProviderKind.MESHAPI, "task");

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static Task map(JsonNode item) {
        String id = item.get("id").asText();
        if (id.equals("boom")) {
            throw new ArithmeticException("long overflow");
        }
        return Task.builder(id, TaskStatus.SUCCEEDED).build();
    }

    @Test
    void anItemThatCannotBeMappedIsSkippedAndCountedNeverThePage() throws Exception {
        List<TaskPage> pages = new ArrayList<>();
        PageCollector listing = new PageCollector(WORDS, pages::add);
        PageCollector.Page page = listing.nextPage();
        JsonNode data = json("[{\"id\":\"a\"},{\"id\":\"boom\"},{\"id\":\"c\"}]");
        for (int i = 0; i < data.size(); i++) {
            page.offer(i + 1, data.get(i), data.get(i).get("id").asText(), PageCollectorTest::map);
        }
        page.deliver();

        ListOutcome outcome = listing.outcome(true);
        assertEquals(List.of("a", "c"), pages.get(0).tasks().stream().map(Task::providerTaskId).toList());
        assertEquals(1, outcome.unreadable().size());
        assertTrue(outcome.unreadable().get(0).contains("boom") && outcome.unreadable().get(0).contains("overflow"));
        assertEquals(Set.of("boom"), outcome.unreadableIds());
        assertTrue(outcome.mayMarkGone(), "the unreadable item had an id: it counts as listed, others may be gone");
    }

    @Test
    void anItemWithoutAnIdMeansNoAbsenceProvesAnything() throws Exception {
        PageCollector listing = new PageCollector(WORDS, p -> { });
        PageCollector.Page page = listing.nextPage();
        page.offer(1, json("{\"id\":\"a\"}"), "a", PageCollectorTest::map);
        page.offer(2, json("{\"status\":\"done\"}"), null, PageCollectorTest::map);
        page.offer(3, json("\"not an object\""), null, PageCollectorTest::map);
        page.deliver();

        ListOutcome outcome = listing.outcome(true);
        assertTrue(outcome.complete());
        assertEquals(2, outcome.unreadable().size());
        assertFalse(outcome.mayMarkGone());
    }

    @Test
    void aPageOfOnlyRepeatsStopsBeforeTheNextPage() throws Exception {
        PageCollector listing = new PageCollector(WORDS, p -> { });
        for (int round = 0; round < 2; round++) {
            assertTrue(listing.mayReadAnotherPage());
            PageCollector.Page page = listing.nextPage();
            page.offer(1, json("{\"id\":\"a\"}"), "a", PageCollectorTest::map);
            page.offer(2, json("{\"id\":\"b\"}"), "b", PageCollectorTest::map);
            page.deliver();
        }

        assertFalse(listing.mayReadAnotherPage());
        ListOutcome outcome = listing.outcome(true);
        assertFalse(outcome.complete(), "a cut listing is never complete");
        assertTrue(outcome.stoppedBecause().orElseThrow().contains("keeps returning the same page"));
    }

    @Test
    void theConsumersBudgetIsAskedBeforeEveryPage() {
        PageCollector listing = new PageCollector(WORDS, new PageConsumer() {
            @Override
            public void accept(TaskPage page) {
                // Nothing to store.
            }

            @Override
            public Optional<String> stopBefore(int pagesRead) {
                return pagesRead >= 2 ? Optional.of("budget spent") : Optional.empty();
            }
        });
        int pages = 0;
        while (listing.mayReadAnotherPage()) {
            PageCollector.Page page = listing.nextPage();
            page.offer(1, Json.mapper().createObjectNode().put("id", "n" + pages), "n" + pages, PageCollectorTest::map);
            page.deliver();
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(Optional.of("budget spent"), listing.outcome(true).stoppedBecause());
    }
}
