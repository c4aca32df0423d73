package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refilter's change, walked as a table's models walk it: one sub-change per run, in the list's coordinates. */
class RefilterChangeTest {
    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] SOME = {1, 2, 5, 8};

    private final SortedTaskRows source = new SortedTaskRows();
    private final ObservableList<TaskRow> list = FXCollections.observableArrayList();

    @BeforeEach
    void setUp() {
        List<TaskRow[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(new TaskRow[] {null, row(i + 1, 1_700_000_000_000L - i * 1000L)});
        }
        source.apply(pairs, List.of());
    }

    @Test
    void droppedRowsAreOneSubChangePerRunAtThePlaceTheKeptRowsResume() {
        RefilterChange c = RefilterChange.removed(list, source, RefilterRuns.between(ALL, ALL.length, SOME, SOME.length));

        assertEquals(List.of("0 [0]", "2 [3, 4]", "3 [6, 7]", "4 [9]"), walk(c));
    }

    @Test
    void addedRowsAreOneSubChangePerRunWhereTheyNowStand() {
        RefilterChange c = RefilterChange.added(list, source, RefilterRuns.between(SOME, SOME.length, ALL, ALL.length));

        assertEquals(List.of("0-1 added", "3-5 added", "6-8 added", "9-10 added"), walk(c));
    }

    @Test
    void everyListenerWalksTheSameRunsAndTheRemovedRowsStayReadable() {
        RefilterChange c = RefilterChange.removed(list, source, RefilterRuns.between(ALL, ALL.length, SOME, SOME.length));
        List<TaskRow> firstRun = new ArrayList<>();
        c.next();
        List<TaskRow> removed = c.getRemoved();
        firstRun.addAll(removed);

        c.reset();
        List<String> again = walk(c);

        assertEquals(4, again.size());
        assertEquals(firstRun, removed, "a run's rows read the same after the walk moved on");
        assertEquals(source.get(0), firstRun.get(0));
    }

    @Test
    void replayedOnACopyTheChangesTurnOneFilterIntoTheOther() {
        List<TaskRow> copy = new ArrayList<>(source);
        RefilterChange drop = RefilterChange.removed(list, source, RefilterRuns.between(ALL, ALL.length, SOME, SOME.length));
        while (drop.next()) {
            assertEquals(drop.getRemoved(), copy.subList(drop.getFrom(), drop.getFrom() + drop.getRemovedSize()));
            copy.subList(drop.getFrom(), drop.getFrom() + drop.getRemovedSize()).clear();
        }
        assertEquals(List.of(source.get(1), source.get(2), source.get(5), source.get(8)), copy);

        RefilterChange add = RefilterChange.added(list, source, RefilterRuns.between(SOME, SOME.length, ALL, ALL.length));
        while (add.next()) {
            for (int i = add.getFrom(); i < add.getTo(); i++) {
                copy.add(i, source.get(i));
            }
        }
        assertEquals(List.copyOf(source), copy);
    }

    @Test
    void aRefilterThatBothAddsAndDropsReplaysIntoTheNewRowsThroughTheUnion() {
        int[] before = {1, 2, 5, 8};
        int[] after = {0, 2, 3, 8, 9};
        RefilterRuns refilter = RefilterRuns.between(before, before.length, after, after.length);

        assertEquals(List.of("0-1 added", "3-4 added", "6-7 added"),
                walk(RefilterChange.added(list, source, refilter)));
        assertEquals(List.of("1 [1]", "3 [5]"), walk(RefilterChange.removed(list, source, refilter)));
    }

    @Test
    void randomRefiltersReplayedOnACopyLandOnTheUnionAndThenOnTheNewRows() {
        Random random = new Random(17);
        for (int round = 0; round < 600; round++) {
            int[] before = subset(random);
            int[] after = subset(random);
            // A third of the rounds narrow, a third widen (typing, deleting): one set holds the other.
            if (round % 3 == 1) {
                after = Arrays.stream(before).filter(p -> random.nextBoolean()).toArray();
            } else if (round % 3 == 2) {
                before = Arrays.stream(after).filter(p -> random.nextBoolean()).toArray();
            }
            RefilterRuns refilter = RefilterRuns.between(before, before.length, after, after.length);
            List<TaskRow> copy = new ArrayList<>(rowsAt(before));

            List<TaskRow> union = rowsAt(Arrays.copyOf(refilter.union(), refilter.unionSize()));
            replay(RefilterChange.added(list, source, refilter), copy, union);
            assertEquals(union, copy, "after the added rows, round " + round);
            replay(RefilterChange.removed(list, source, refilter), copy, rowsAt(after));
            assertEquals(rowsAt(after), copy, "after the dropped rows, round " + round);
        }
    }

    @Test
    void askingBeforeNextFailsAndAfterTheWalkTheLastRunAnswersAsJavaFxChangesDo() {
        RefilterChange c = RefilterChange.removed(list, source, RefilterRuns.between(ALL, ALL.length, SOME, SOME.length));

        assertThrows(IllegalStateException.class, c::getFrom);
        while (c.next()) {
            assertTrue(c.wasRemoved());
            assertFalse(c.wasAdded() || c.wasReplaced() || c.wasPermutated() || c.wasUpdated());
        }
        // TableView's selection model asks the change again after its loop.
        assertTrue(c.wasRemoved());
        assertEquals(4, c.getFrom());
        assertEquals(List.of(source.get(9)), c.getRemoved());
        assertFalse(c.next());
    }

    /**
     * Applies the change to {@code copy} as a listener keeping a copy of the list would, reading added rows from
     * {@code listAfter}, what the list holds once the change is made.
     */
    private static void replay(ListChangeListener.Change<TaskRow> c, List<TaskRow> copy, List<TaskRow> listAfter) {
        while (c.next()) {
            List<TaskRow> at = copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
            assertEquals(c.getRemoved(), at);
            at.clear();
            copy.addAll(c.getFrom(), listAfter.subList(c.getFrom(), c.getTo()));
        }
    }

    private List<TaskRow> rowsAt(int[] positions) {
        return Arrays.stream(positions).mapToObj(source::get).toList();
    }

    /** An ascending random subset of the source's ten positions. */
    private static int[] subset(Random random) {
        return IntStream.range(0, 10).filter(i -> random.nextBoolean()).toArray();
    }

    /** Each sub-change as text: "from [removed places]" or "from-to added". */
    private List<String> walk(ListChangeListener.Change<TaskRow> c) {
        List<String> runs = new ArrayList<>();
        while (c.next()) {
            if (c.wasRemoved()) {
                assertEquals(c.getFrom(), c.getTo());
                assertEquals(c.getRemovedSize(), c.getRemoved().size());
                runs.add(c.getFrom() + " " + c.getRemoved().stream().map(r -> (int) r.id() - 1).toList());
            } else {
                assertEquals(c.getTo() - c.getFrom(), c.getAddedSize());
                assertTrue(c.getRemoved().isEmpty());
                runs.add(c.getFrom() + "-" + c.getTo() + " added");
            }
        }
        return runs;
    }

    private static TaskRow row(long id, long createdMillis) {
        return TaskRow.of(new TaskSummary(id, 1, "Acme", ProviderKind.MESHAPI, "t-" + id, TaskStatus.SUCCEEDED,
                "x", null, null, "prompt " + id, "gen", Instant.ofEpochMilli(createdMillis), null, null, null, null,
                null, null, true, false, null, false, "", List.of()));
    }
}
