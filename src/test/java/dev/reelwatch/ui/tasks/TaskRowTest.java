package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.TaskSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRowTest {
    @Test
    void theFirstLineIsTheFirstNonBlankLineStripped() {
        assertEquals("a paper boat", row(1, "\n  \n\t a paper boat  \t\nsecond line").promptFirstLine());
        assertEquals("one", row(2, "one").promptFirstLine());
        assertEquals("", row(3, " \n\t ").promptFirstLine());
        assertEquals("", row(4, "").promptFirstLine());
    }

    @Test
    void firstLinesCompareAsTheirStrippedTextIgnoringCase() {
        assertEquals(0, Integer.signum(TaskRow.compareFirstLines(row(1, "Boat \nx"), row(2, "  boat\t\ny"))));
        assertTrue(TaskRow.compareFirstLines(row(1, "boat"), row(2, "boat house")) < 0);
        assertTrue(TaskRow.compareFirstLines(row(1, "boat house"), row(2, "boat \thouse")) > 0);
        // Against the obvious way (strip the first lines, then compare them), over random prompts made of a few
        // characters that meet often: spaces, tabs, newlines and letters in both cases.
        Random random = new Random(17);
        String alphabet = "aAbB \t\n";
        for (int k = 0; k < 20_000; k++) {
            String a = randomText(random, alphabet);
            String b = randomText(random, alphabet);
            int expected = Integer.signum(reference(a, b));
            int actual = Integer.signum(TaskRow.compareFirstLines(row(1, a), row(2, b)));
            assertEquals(expected, actual, () -> "'" + a + "' vs '" + b + "'");
            assertEquals(-actual, Integer.signum(TaskRow.compareFirstLines(row(2, b), row(1, a))));
        }
    }

    @Test
    void theErrorNoteAndTagsReadBackAndTakePartInEquality() {
        TaskRow plain = row(1, "boat");
        assertNull(plain.errorMessage());
        assertEquals("", plain.note());
        assertEquals(List.of(), plain.tags());
        TaskRow noted = TaskRow.of(summary(1, "boat", new TaskError("E1", "quota"), "keep", List.of("ads")));
        assertEquals("quota", noted.errorMessage());
        assertEquals("keep", noted.note());
        assertEquals(List.of("ads"), noted.tags());
        assertEquals(noted, TaskRow.of(summary(1, "boat", new TaskError("E1", "quota"), "keep", List.of("ads"))));
        assertNotEquals(noted, TaskRow.of(summary(1, "boat", new TaskError("E1", "quota"), "keep", List.of())));
        assertNotEquals(plain, noted);
        assertEquals(plain, row(1, "boat"));
        assertTrue(noted.matches(SearchWords.of("ads keep")));
    }

    private static int reference(String a, String b) {
        String la = TaskRow.of(summary(1, a, null, "", List.of())).promptFirstLine();
        String lb = TaskRow.of(summary(2, b, null, "", List.of())).promptFirstLine();
        int n = Math.min(la.length(), lb.length());
        for (int i = 0; i < n; i++) {
            char ca = Character.toLowerCase(Character.toUpperCase(la.charAt(i)));
            char cb = Character.toLowerCase(Character.toUpperCase(lb.charAt(i)));
            if (ca != cb) {
                return ca - cb;
            }
        }
        return la.length() - lb.length();
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static TaskRow row(long id, String prompt) {
        return TaskRow.of(summary(id, prompt, null, "", List.of()));
    }

    private static TaskSummary summary(long id, String prompt, TaskError error, String note, List<String> tags) {
        return new TaskSummary(id, 1, "Acme", ProviderKind.HEDRA, "t-" + id, TaskStatus.FAILED, "failed", null, null,
                prompt, "gen", Instant.ofEpochMilli(1_000), null, null, null, null, null, null, true, false, error,
                false, note, tags);
    }
}
