package dev.reelwatch.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Sharing prompts that repeat without a table that grows with the distinct ones. */
class RecentStringsTest {

    @Test
    void aRepeatedValueComesBackAsTheFirstInstance() {
        RecentStrings recent = new RecentStrings(16);
        String first = new String("a paper boat at dawn");
        String again = new String("a paper boat at dawn");
        assertNotSame(first, again);
        assertSame(first, recent.share(first));
        assertSame(first, recent.share(again));
    }

    @Test
    void distinctValuesAreReturnedAsTheyAreAndTheTableStaysItsSize() {
        RecentStrings recent = new RecentStrings(4);
        for (int i = 0; i < 10_000; i++) {
            String v = "prompt " + i;
            assertSame(v, recent.share(v));
        }
        assertNull(recent.share(null));
        assertEquals("", recent.share(""));
    }
}
