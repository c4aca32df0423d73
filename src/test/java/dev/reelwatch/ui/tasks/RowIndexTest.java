package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RowIndexTest {
    @Test
    void behavesAsAMapThroughPutsReplacementsRemovalsAndGrowth() {
        RowIndex index = new RowIndex(4);
        Map<Long, TaskRow> model = new HashMap<>();
        Random random = new Random(17);
        for (int step = 0; step < 20_000; step++) {
            // Few distinct ids, so slots collide, chains form and removals shift them.
            long id = random.nextInt(3_000) * (random.nextBoolean() ? 1L : 1L << 33);
            if (random.nextInt(3) == 0) {
                assertSame(model.remove(id), index.remove(id), "remove " + id);
            } else {
                TaskRow row = row(id, step);
                assertSame(model.put(id, row), index.put(row), "put " + id);
            }
            assertEquals(model.size(), index.size());
            long probe = random.nextInt(3_000);
            assertSame(model.get(probe), index.get(probe), "get " + probe);
        }
        model.forEach((id, row) -> assertSame(row, index.get(id)));
        Map<Long, TaskRow> seen = new HashMap<>();
        index.forEach(r -> seen.put(r.id(), r));
        assertEquals(model, seen);
        assertNull(index.get(-1));
    }

    private static TaskRow row(long id, int version) {
        return TaskRow.of(new TaskSummary(id, 1, "Acme", ProviderKind.MESHAPI, "t-" + id, TaskStatus.RUNNING, "x",
                version % 100, null, "p", "gen", Instant.ofEpochMilli(1_000), null, null, null, null, null, null, true,
                false, null, false, "", List.of()));
    }
}
