package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replacing every row of the sorted list: what the change reports, replayed on a plain copy. */
class SortedTaskRowsTest {
    private static final Comparator<TaskRow> BY_STATUS =
            SortedTaskRows.totalOrder(Comparator.comparing(TaskRow::status));

    private final SortedTaskRows rows = new SortedTaskRows();
    private final List<TaskRow> mirror = new ArrayList<>();
    private final List<Sub> subs = new ArrayList<>();
    private final Random random = new Random(23);

    /** One sub-change as reported: where, which rows went, which came (ids), whether it was an update. */
    private record Sub(int from, List<TaskRow> removed, List<Long> added, boolean updated) {
    }

    @BeforeEach
    void setUp() {
        rows.addListener((ListChangeListener<TaskRow>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(i, c.getList().get(i));
                        subs.add(new Sub(i, List.of(), List.of(c.getList().get(i).id()), true));
                    }
                } else {
                    List<TaskRow> there = mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
                    assertEquals(ids(there), ids(c.getRemoved()), "the removed rows are the ones there");
                    there.clear();
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                    subs.add(new Sub(c.getFrom(), List.copyOf(c.getRemoved()), ids(c.getAddedSubList()), false));
                }
            }
        });
    }

    @Test
    void theWholeCacheAfterItsFirstPageIsReportedAsTheRowsBelowThePage() {
        List<TaskRow> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(row(2000 - i, 1_700_000_000_000L - i * 1000L, TaskStatus.SUCCEEDED, "prompt " + i));
        }
        rows.replaceAll(all.subList(0, 500));
        subs.clear();

        // Read again from the store: equal rows, other objects.
        rows.replaceAll(all.stream().map(SortedTaskRowsTest::copy).toList());

        // Reported as the removal of every row, the table would rebuild each visible cell and lose its place.
        assertEquals(List.of(new Sub(500, List.of(), ids(all.subList(500, 2000)), false)), subs);
        assertEquals(ids(all), ids(mirror));
    }

    @Test
    void aRowThatChangedInPlaceIsAnUpdateAndOneThatMovedIsTakenOutAndPutBack() {
        List<TaskRow> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(row(i + 1, 1_700_000_000_000L, TaskStatus.RUNNING, "p" + i));
        }
        before.set(5, row(6, 1_700_000_000_000L, TaskStatus.SUCCEEDED, "p5"));
        rows.setOrder(BY_STATUS);
        rows.replaceAll(sorted(before, BY_STATUS));
        mirror.clear();
        mirror.addAll(rows);
        subs.clear();
        List<TaskRow> after = new ArrayList<>(before.stream().map(SortedTaskRowsTest::copy).toList());
        // Task 3's note changed (same place); task 2 succeeded (it sorts elsewhere now).
        after.set(2, withNote(before.get(2), "keep"));
        after.set(1, row(2, 1_700_000_000_000L, TaskStatus.SUCCEEDED, "p1"));

        rows.replaceAll(sorted(after, BY_STATUS));

        assertEquals(ids(sorted(after, BY_STATUS)), ids(mirror));
        assertEquals(List.copyOf(rows), mirror, "the updated row is the new one");
        assertEquals(3, subs.size(), "task 2 out, task 2 in, task 3 updated: " + subs);
        assertTrue(subs.stream().anyMatch(s -> s.updated() && mirror.get(s.from()).id() == 3));
    }

    @Test
    void randomReplacementsReplayOntoAPlainCopyAndNeverReportAnUnchangedRow() {
        List<Comparator<TaskRow>> orders = List.of(SortedTaskRows.NEWEST_FIRST, BY_STATUS);
        Map<Long, TaskRow> current = new HashMap<>();
        long nextId = 1;
        for (int step = 0; step < 300; step++) {
            if (step % 50 == 0) {
                rows.setOrder(orders.get(step / 50 % 2));
                mirror.clear();
                mirror.addAll(rows);
            }
            Map<Long, TaskRow> next = new HashMap<>();
            Set<Long> unchanged = new HashSet<>();
            for (TaskRow r : current.values()) {
                int roll = random.nextInt(20);
                if (roll == 0) {
                    continue; // gone
                }
                TaskRow fresh = roll == 1 ? row(r.id(), r.sortTimeMillis(), randomStatus(), r.prompt())
                        : roll == 2 ? withNote(r, "n" + step) : copy(r);
                next.put(r.id(), fresh);
                if (fresh.equals(r)) {
                    unchanged.add(r.id());
                }
            }
            int arrivals = random.nextInt(step < 5 ? 400 : 30);
            for (int i = 0; i < arrivals; i++) {
                long id = nextId++;
                next.put(id, row(id, 1_700_000_000_000L + random.nextInt(5000) * 1000L, randomStatus(), "p" + id));
            }
            subs.clear();

            List<TaskRow> all = sorted(new ArrayList<>(next.values()), rows.order());
            rows.replaceAll(all);

            assertEquals(ids(all), ids(mirror), "step " + step + ": the events replay to the list");
            assertEquals(all, List.copyOf(rows));
            for (Sub s : subs) {
                for (TaskRow gone : s.removed()) {
                    assertFalse(unchanged.contains(gone.id()), "step " + step + ": an unchanged row reported gone");
                }
                for (long id : s.added()) {
                    assertFalse(unchanged.contains(id), "step " + step + ": an unchanged row reported");
                }
            }
            current = next;
        }
    }

    @Test
    void manyScatteredDifferencesAreReportedAsOneReplacementOfEveryRow() {
        List<TaskRow> all = new ArrayList<>();
        int n = 2 * (SortedTaskRows.MAX_DIFF_RUNS + 100);
        for (int i = 0; i < n; i++) {
            all.add(row(n - i, 1_700_000_000_000L - i * 1000L, TaskStatus.QUEUED, "p"));
        }
        rows.replaceAll(all);
        subs.clear();
        List<TaskRow> everyOther = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            everyOther.add(copy(all.get(i)));
        }

        rows.replaceAll(everyOther);

        assertEquals(1, subs.size());
        assertEquals(n, subs.get(0).removed().size());
        assertEquals(n / 2, subs.get(0).added().size());
        assertEquals(ids(everyOther), ids(mirror));
    }

    private TaskStatus randomStatus() {
        return TaskStatus.values()[random.nextInt(TaskStatus.values().length)];
    }

    private static List<TaskRow> sorted(List<TaskRow> list, Comparator<TaskRow> order) {
        List<TaskRow> copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }

    private static List<Long> ids(List<? extends TaskRow> list) {
        return list.stream().map(TaskRow::id).toList();
    }

    private static TaskRow copy(TaskRow r) {
        return TaskRow.of(summary(r.id(), r.sortTimeMillis(), r.status(), r.prompt(), r.note()));
    }

    private static TaskRow withNote(TaskRow r, String note) {
        return TaskRow.of(summary(r.id(), r.sortTimeMillis(), r.status(), r.prompt(), note));
    }

    private static TaskRow row(long id, long createdMillis, TaskStatus status, String prompt) {
        return TaskRow.of(summary(id, createdMillis, status, prompt, ""));
    }

    private static TaskSummary summary(long id, long createdMillis, TaskStatus status, String prompt, String note) {
        return new TaskSummary(id, 1, "Acme", ProviderKind.MESHAPI, "t-" + id, status, "x", null, null, prompt,
                "gen", Instant.ofEpochMilli(createdMillis), null, null, null, null, null, null, true, false, null,
                false, note, List.of());
    }
}
