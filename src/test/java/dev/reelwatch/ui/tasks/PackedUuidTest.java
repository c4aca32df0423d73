package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackedUuidTest {
    @Test
    void onlyLowerCaseCanonicalUuidsArePacked() {
        assertTrue(PackedUuid.packable("36ee40cb-9817-3668-17c5-701e73b6bb7a"));
        assertFalse(PackedUuid.packable("36EE40CB-9817-3668-17C5-701E73B6BB7A"));
        assertFalse(PackedUuid.packable("36ee40cb98173668-17c5-701e73b6bb7a0"));
        assertFalse(PackedUuid.packable("36ee40cb-9817-3668-17c5-701e73b6bb7g"));
        assertFalse(PackedUuid.packable("cgt-20250101-abc"));
        assertFalse(PackedUuid.packable(""));
        assertFalse(PackedUuid.packable(null));
    }

    @Test
    void aPackedIdReadsBackAsItWasGiven() {
        for (int i = 0; i < 2000; i++) {
            String id = UUID.randomUUID().toString();
            assertEquals(id, PackedUuid.text(PackedUuid.high(id), PackedUuid.low(id)));
        }
        String extremes = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        assertEquals(extremes, PackedUuid.text(PackedUuid.high(extremes), PackedUuid.low(extremes)));
        String zeros = "00000000-0000-0000-0000-000000000000";
        assertEquals(zeros, PackedUuid.text(PackedUuid.high(zeros), PackedUuid.low(zeros)));
    }

    @Test
    void containsFindsEveryFragmentOfThePackedIdAndNothingElse() {
        String id = "36ee40cb-9817-3668-17c5-701e73b6bb7a";
        long high = PackedUuid.high(id);
        long low = PackedUuid.low(id);
        for (int from = 0; from < id.length(); from++) {
            for (int to = from + 1; to <= id.length(); to++) {
                assertTrue(PackedUuid.contains(high, low, id.substring(from, to)), id.substring(from, to));
            }
        }
        assertFalse(PackedUuid.contains(high, low, "36ee40cb-9817-3668-17c5-701e73b6bb7a-"));
        assertFalse(PackedUuid.contains(high, low, "9818"));
        assertFalse(PackedUuid.contains(high, low, "cb98"));
    }

    @Test
    void aRowKeepsItsProviderIdWhateverItsShape() {
        for (String id : List.of("36ee40cb-9817-3668-17c5-701e73b6bb7a", "36EE40CB-9817-3668-17C5-701E73B6BB7A",
                "cgt-20250101-abc", "7")) {
            assertEquals(id, row(1, id).providerTaskId());
            assertEquals(row(1, id), row(1, id));
        }
        assertNotEquals(row(1, "36ee40cb-9817-3668-17c5-701e73b6bb7a"), row(1, "36ee40cb-9817-3668-17c5-701e73b6bb7b"));
    }

    @Test
    void theSearchFindsAPackedIdByAnyPartInEitherCase() {
        TaskRow packed = row(1, "36ee40cb-9817-3668-17c5-701e73b6bb7a");
        TaskRow other = row(2, "5e5f99ba-569c-3a7a-68f5-a56137b2d60b");
        Predicate<TaskRow> search = search("9817-36");
        assertTrue(search.test(packed));
        assertFalse(search.test(other));
        assertTrue(search("36EE40CB").test(packed));
        assertTrue(search("b6bb7a").test(packed));
        assertFalse(search("b6bb7b").test(packed));
    }

    @Test
    void theFilterColumnsOfAPackedIdAskForTheRowOnlyWhereItMayMatch() {
        TaskRow packed = row(1, "36ee40cb-9817-3668-17c5-701e73b6bb7a");
        RowColumns columns = new RowColumns(1);
        columns.set(0, packed);
        assertNotEquals(ColumnTest.FAILS, columns.check(filter("9817-36").columnTest()).at(0));
        assertNotEquals(ColumnTest.FAILS, columns.check(filter("paper 17c5").columnTest()).at(0));
        assertEquals(ColumnTest.FAILS, columns.check(filter("zebra").columnTest()).at(0));
    }

    private static Predicate<TaskRow> search(String text) {
        return filter(text).toPredicate();
    }

    private static TaskFilter filter(String search) {
        return new TaskFilter(Set.of(), SourceFilter.ALL, null, null, null, search, ZoneOffset.UTC);
    }

    private static TaskRow row(long id, String providerId) {
        return TaskRow.of(new TaskSummary(id, 1, "Acme", ProviderKind.HEDRA, providerId, TaskStatus.SUCCEEDED,
                "complete", null, null, "a paper boat", "gen", Instant.ofEpochMilli(1_000), null, null, null, null, null, null,
                true, false, null, false, "", List.of()));
    }
}
