package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filtered task list over the real sorted rows: its content, its change events and what it tests. */
class FilteredTaskRowsTest {
    private static final String[] WORDS = {"paper", "boat", "fjord", "sunrise", "corgi", "lighthouse", "storm",
        "kling", "東京", "zebra"};
    private static final List<Comparator<TaskRow>> ORDERS = List.of(SortedTaskRows.NEWEST_FIRST,
            SortedTaskRows.totalOrder(Comparator.comparing(TaskRow::promptFirstLine)),
            SortedTaskRows.totalOrder(Comparator.comparing(TaskRow::status)));

    private final SortedTaskRows source = new SortedTaskRows();
    private final Map<Long, TaskRow> byId = new HashMap<>();
    private final AtomicInteger tests = new AtomicInteger();
    /** The ids of the rows the predicate was asked about. */
    private final Set<Long> tested = ConcurrentHashMap.newKeySet();
    private final List<TaskRow> mirror = new ArrayList<>();
    private final List<ListChangeListener.Change<? extends TaskRow>> changes = new ArrayList<>();
    private final Random random = new Random(17);
    /** A subset the predicates do not ask (every row passes it): it only keeps the columns from deciding. */
    private static final TaskSubset READ_ROWS = new TaskSubset("read the rows", Set.of());

    private FilteredTaskRows filtered;
    private long nextId = 1;

    @BeforeEach
    void setUp() {
        filtered = new FilteredTaskRows(source);
        // Every change is replayed on a plain copy: the events are valid only if the copy keeps up.
        filtered.addListener((ListChangeListener<TaskRow>) c -> {
            changes.add(c);
            replay(c);
        });
    }

    @Test
    void aRefilterAddsRowsThenDropsRowsAndNeverReplacesOne() {
        fill(300);
        search("boat");
        List<TaskRow> boats = List.copyOf(filtered);
        assertFalse(boats.isEmpty());
        changes.clear();

        search("storm");

        // A replaced row, or the removal of every row, makes a TableView rebuild all its cells.
        assertEquals(2, changes.size(), "the rows it adds, then the rows it drops");
        List<TaskRow> dropped = new ArrayList<>();
        for (ListChangeListener.Change<? extends TaskRow> c : changes) {
            c.reset();
            while (c.next()) {
                assertFalse(c.wasReplaced());
                dropped.addAll(c.getRemoved());
            }
        }
        ListChangeListener.Change<? extends TaskRow> adds = changes.get(0);
        adds.reset();
        while (adds.next()) {
            assertTrue(adds.wasAdded() && !adds.wasRemoved());
        }
        assertEquals(boats.stream().filter(r -> !filtered.contains(r)).toList(), dropped);
        assertEquals(expected(), List.copyOf(filtered));
        assertEquals(mirror, List.copyOf(filtered));
    }

    @Test
    void aRefilterThatOnlyNarrowsOrOnlyWidensIsOneChange() {
        fill(300);
        changes.clear();

        search("boat");
        assertEquals(1, changes.size(), "narrowing only drops rows");
        changes.clear();
        search("");
        assertEquals(1, changes.size(), "widening only adds rows");
        assertEquals(expected(), List.copyOf(filtered));
        assertEquals(mirror, List.copyOf(filtered));
    }

    @Test
    void narrowingTheSearchTestsOnlyTheRowsShown() {
        fill(2_000);
        search("boat");
        Set<Long> shown = ids(filtered);
        tested.clear();

        search("boat pa");

        assertTrue(shown.containsAll(tested), "only rows that matched \"boat\" were read");
        assertTrue(ids(filtered).size() > 0 && tested.containsAll(ids(filtered)));
        assertEquals(expected(), List.copyOf(filtered));
    }

    @Test
    void erasingACharacterGoesBackToTheRememberedRowsWithoutTestingOne() {
        fill(2_000);
        search("st");
        search("sto");
        List<TaskRow> atSt = expectedFor("st");
        tests.set(0);

        search("st");

        assertEquals(0, tests.get());
        assertEquals(atSt, List.copyOf(filtered));
        assertEquals(atSt, mirror);
    }

    @Test
    void aSourceChangeForgetsTheRememberedRows() {
        fill(500);
        search("st");
        search("sto");
        page(20, 20, 20);
        tests.set(0);

        search("st");

        assertTrue(tests.get() > 0, "scanned: the source changed since");
        assertEquals(expected(), List.copyOf(filtered));
    }

    @Test
    void aWidenedFilterTestsEveryRow() {
        fill(1_000);
        search("boat");
        Set<Long> shown = ids(filtered);
        tested.clear();

        search("corgi");

        assertTrue(tested.stream().anyMatch(id -> !shown.contains(id)), "rows not shown before were read");
        assertEquals(expected(), List.copyOf(filtered));
    }

    @Test
    void aSearchOrAStatusIsDecidedWithoutReadingARow() {
        fill(3_000);
        tests.set(0);

        searchDecisively("z");
        assertEquals(0, tests.get());
        assertEquals(expected(), List.copyOf(filtered));
        assertTrue(filtered.size() > 0);

        searchDecisively("k 2");
        assertEquals(0, tests.get());
        assertEquals(expected(), List.copyOf(filtered));

        searchDecisively("boat pa");
        assertEquals(0, tests.get(), "prompts, models and accounts are asked once per distinct text");
        assertEquals(expected(), List.copyOf(filtered));

        TaskFilter failed = new TaskFilter(Set.of(TaskStatus.FAILED), SourceFilter.ALL, null, null, null, "",
                ZoneOffset.UTC);
        current = failed.toPredicate();
        filtered.setFilter(new FilterKey(failed, null), counted(current));
        assertEquals(0, tests.get());
        assertEquals(expected(), List.copyOf(filtered));
    }

    @Test
    void lettersOutsideAsciiRuleRowsOutInEitherCase() {
        TaskRow greek = row(nextId++, 1_700_000_000_000L, TaskStatus.QUEUED, "ΚΑΛΗΜΕΡΑ kosmos");
        TaskRow cyrillic = row(nextId++, 1_700_000_000_001L, TaskStatus.QUEUED, "Привет");
        byId.put(greek.id(), greek);
        byId.put(cyrillic.id(), cyrillic);
        source.apply(List.<TaskRow[]>of(new TaskRow[] {null, greek}, new TaskRow[] {null, cyrillic}), List.of());
        fill(500);

        for (String word : List.of("λ", "Λ", "καλη", "п", "ПРИВ", "東", "京")) {
            search(word);
            assertEquals(expected(), List.copyOf(filtered), word);
            searchDecisively(word);
            assertEquals(expected(), List.copyOf(filtered), word);
        }
        search("λ");
        assertEquals(List.of(greek), List.copyOf(filtered));
    }

    @Test
    void aTextWithACharacterThatFoldsToAsciiIsSearchedAsTheRowSearchesIt() {
        TaskRow kelvin = row(nextId++, 1_700_000_000_000L, TaskStatus.QUEUED, "\u212Aling");
        byId.put(kelvin.id(), kelvin);
        source.apply(List.<TaskRow[]>of(new TaskRow[] {null, kelvin}), List.of());
        fill(100);

        search("k");

        assertEquals(expected(), List.copyOf(filtered));
        searchDecisively("k");
        assertEquals(expected(), List.copyOf(filtered));
        searchDecisively("ling");
        assertTrue(filtered.contains(kelvin));
        assertEquals(expected(), List.copyOf(filtered));
    }

    @Test
    void aStorePageIsOneChangeOfTheFilteredRows() {
        fill(1_000);
        search("o");
        changes.clear();

        page(50, 50, 30);

        assertEquals(1, changes.size());
        assertEquals(expected(), List.copyOf(filtered));
        assertEquals(mirror, List.copyOf(filtered));
    }

    @Test
    void aRowChangedInPlaceThatStillMatchesIsAnUpdate() {
        fill(200);
        search("");
        TaskRow first = source.get(0);
        changes.clear();

        TaskRow same = row(first.id(), first.createdAtMillis(), TaskStatus.FAILED, first.prompt());
        byId.put(same.id(), same);
        source.apply(List.<TaskRow[]>of(new TaskRow[] {first, same}), List.of());

        assertEquals(1, changes.size());
        ListChangeListener.Change<? extends TaskRow> c = changes.get(0);
        c.reset();
        assertTrue(c.next());
        assertTrue(c.wasUpdated());
        assertEquals(0, c.getFrom());
        assertEquals(same, filtered.get(0));
    }

    @Test
    void aReSortIsOnePermutationOfTheFilteredRows() {
        fill(1_000);
        search("o");
        changes.clear();

        source.setOrder(ORDERS.get(1));

        assertEquals(1, changes.size());
        ListChangeListener.Change<? extends TaskRow> c = changes.get(0);
        c.reset();
        assertTrue(c.next());
        assertTrue(c.wasPermutated());
        assertEquals(expected(), List.copyOf(filtered));
        assertEquals(mirror, List.copyOf(filtered));
    }

    @Test
    void aLargeScanInParallelChunksKeepsTheSourceOrder() {
        fill(RowScan.CHUNK * 5 + 123);
        search("o");
        assertEquals(expected(), List.copyOf(filtered));
        search("o st");
        assertEquals(expected(), List.copyOf(filtered));
        search("");
        assertEquals(List.copyOf(source), List.copyOf(filtered));
    }

    @Test
    void rowsPastTheLimitOfDistinctPromptsAreReadInFull() {
        List<TaskRow[]> pairs = new ArrayList<>();
        for (int i = 0; i < TextGroups.LIMIT + 50; i++) {
            TaskRow r = row(nextId++, 1_700_000_000_000L + i, TaskStatus.QUEUED, "prompt " + i + " " + randomPrompt());
            byId.put(r.id(), r);
            pairs.add(new TaskRow[] {null, r});
        }
        source.apply(pairs, List.of());

        searchDecisively("storm 1");

        assertEquals(expected(), List.copyOf(filtered));
        assertTrue(tests.get() > 0 && tests.get() < source.size(), "only the rows without a prompt number were read");
    }

    @Test
    void randomPagesFiltersSortsAndTouchesMatchABruteForceFilter() {
        fill(400);
        String[] searches = {"", "o", "bo", "boat", "boat pa", "st", "storm", "東", "z", "ko kling"};
        for (int step = 0; step < 400; step++) {
            changes.clear();
            int action = random.nextInt(5);
            switch (action) {
                case 0, 1 -> page(random.nextInt(15), random.nextInt(15), random.nextInt(10));
                case 2 -> search(searches[random.nextInt(searches.length)],
                        random.nextBoolean() ? READ_ROWS : null);
                case 3 -> source.setOrder(ORDERS.get(random.nextInt(ORDERS.size())));
                default -> {
                    if (!source.isEmpty()) {
                        source.touch(source.get(random.nextInt(source.size())));
                    }
                }
            }
            if (action == 2) {
                assertTrue(changes.size() <= 2, "step " + step + ": a refilter adds, then drops");
                for (ListChangeListener.Change<? extends TaskRow> c : changes) {
                    c.reset();
                    while (c.next()) {
                        assertFalse(c.wasReplaced(), "step " + step + ": a refilter replaces no row");
                    }
                }
            } else {
                assertTrue(changes.size() <= 1, "step " + step + ": at most one change");
            }
            assertEquals(expected(), List.copyOf(filtered), "step " + step);
            assertEquals(mirror, List.copyOf(filtered), "step " + step + ": the events replay to the list");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Predicate<TaskRow> current;

    /**
     * Searches with a key the columns cannot decide alone (a subset stands for "the caller asks more"), so the
     * rows the columns let through are read: what the tests count.
     */
    private void search(String text) {
        search(text, READ_ROWS);
    }

    /** Searches as the view model does without a subset: the columns decide what they can. */
    private void searchDecisively(String text) {
        search(text, null);
    }

    private void search(String text, TaskSubset subset) {
        TaskFilter f = filterFor(text);
        Predicate<TaskRow> compiled = f.isEmpty() ? null : f.toPredicate();
        current = compiled;
        filtered.setFilter(new FilterKey(f, subset), compiled == null ? null : counted(compiled));
    }

    private Predicate<TaskRow> counted(Predicate<TaskRow> p) {
        return row -> {
            tests.incrementAndGet();
            tested.add(row.id());
            return p.test(row);
        };
    }

    private static Set<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(TaskRow::id).collect(java.util.stream.Collectors.toSet());
    }

    private static TaskFilter filterFor(String text) {
        return new TaskFilter(Set.of(), SourceFilter.ALL, null, null, null, text, ZoneOffset.UTC);
    }

    private List<TaskRow> expected() {
        return source.stream().filter(r -> current == null || current.test(r)).toList();
    }

    private List<TaskRow> expectedFor(String text) {
        Predicate<TaskRow> p = filterFor(text).toPredicate();
        return source.stream().filter(p).toList();
    }

    private void fill(int n) {
        List<TaskRow[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TaskRow r = randomRow(nextId++);
            byId.put(r.id(), r);
            pairs.add(new TaskRow[] {null, r});
        }
        source.apply(pairs, List.of());
    }

    /** One store page: new rows, changed rows (some move, some stay) and removed rows. */
    private void page(int inserts, int updates, int removals) {
        List<TaskRow[]> pairs = new ArrayList<>();
        List<TaskRow> removed = new ArrayList<>();
        List<Long> ids = new ArrayList<>(byId.keySet());
        java.util.Collections.shuffle(ids, random);
        int used = 0;
        for (int i = 0; i < updates && used < ids.size(); i++) {
            TaskRow before = byId.get(ids.get(used++));
            TaskRow after = random.nextBoolean()
                    ? row(before.id(), before.createdAtMillis(), randomStatus(), randomPrompt())
                    : randomRow(before.id());
            pairs.add(new TaskRow[] {before, after});
            byId.put(after.id(), after);
        }
        for (int i = 0; i < removals && used < ids.size(); i++) {
            removed.add(byId.remove(ids.get(used++)));
        }
        for (int i = 0; i < inserts; i++) {
            TaskRow r = randomRow(nextId++);
            byId.put(r.id(), r);
            pairs.add(new TaskRow[] {null, r});
        }
        source.apply(pairs, removed);
    }

    private void replay(ListChangeListener.Change<? extends TaskRow> c) {
        while (c.next()) {
            if (c.wasPermutated()) {
                List<TaskRow> moved = new ArrayList<>(mirror.subList(c.getFrom(), c.getTo()));
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    mirror.set(c.getPermutation(i), moved.get(i - c.getFrom()));
                }
            } else if (c.wasUpdated()) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    mirror.set(i, c.getList().get(i));
                }
            } else {
                List<TaskRow> there = mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
                assertEquals(there.stream().map(TaskRow::id).toList(),
                        c.getRemoved().stream().map(TaskRow::id).toList(), "the removed rows are the ones there");
                there.clear();
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        }
        c.reset();
    }

    private TaskRow randomRow(long id) {
        return row(id, 1_700_000_000_000L + random.nextInt(1_000_000) * 1000L, randomStatus(), randomPrompt());
    }

    private TaskStatus randomStatus() {
        return TaskStatus.values()[random.nextInt(TaskStatus.values().length)];
    }

    private String randomPrompt() {
        return WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    }

    private static TaskRow row(long id, long createdMillis, TaskStatus status, String prompt) {
        return TaskRow.of(new TaskSummary(id, 1, "Acme", ProviderKind.MESHAPI, "t-" + id, status, "x", null,
                null, prompt, "gen", Instant.ofEpochMilli(createdMillis), null, null, null, null, null, null, true,
                false, null, false, "", List.of()));
    }
}
