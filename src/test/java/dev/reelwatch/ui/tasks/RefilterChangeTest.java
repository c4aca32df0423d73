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
import java.util.List;

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
        RefilterChange c = RefilterChange.removed(list, source, ALL, ALL.length, SOME, SOME.length);

        assertEquals(List.of("0 [0]", "2 [3, 4]", "3 [6, 7]", "4 [9]"), walk(c));
    }

    @Test
    void addedRowsAreOneSubChangePerRunWhereTheyNowStand() {
        RefilterChange c = RefilterChange.added(list, source, SOME, SOME.length, ALL, ALL.length);

        assertEquals(List.of("0-1 added", "3-5 added", "6-8 added", "9-10 added"), walk(c));
    }

    @Test
    void everyListenerWalksTheSameRunsAndTheRemovedRowsStayReadable() {
        RefilterChange c = RefilterChange.removed(list, source, ALL, ALL.length, SOME, SOME.length);
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
        RefilterChange drop = RefilterChange.removed(list, source, ALL, ALL.length, SOME, SOME.length);
        while (drop.next()) {
            assertEquals(drop.getRemoved(), copy.subList(drop.getFrom(), drop.getFrom() + drop.getRemovedSize()));
            copy.subList(drop.getFrom(), drop.getFrom() + drop.getRemovedSize()).clear();
        }
        assertEquals(List.of(source.get(1), source.get(2), source.get(5), source.get(8)), copy);

        RefilterChange add = RefilterChange.added(list, source, SOME, SOME.length, ALL, ALL.length);
        while (add.next()) {
            for (int i = add.getFrom(); i < add.getTo(); i++) {
                copy.add(i, source.get(i));
            }
        }
        assertEquals(List.copyOf(source), copy);
    }

    @Test
    void askingBeforeNextFailsAndAfterTheWalkTheLastRunAnswersAsJavaFxChangesDo() {
        RefilterChange c = RefilterChange.removed(list, source, ALL, ALL.length, SOME, SOME.length);

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
