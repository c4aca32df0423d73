package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Cost;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CostFormatTest {

    @Test
    void tokensAndCreditsGetThousandsSeparatorsAndCurrencyTwoToFourDecimalsByMagnitude() {
        assertEquals("12,500 tokens", CostFormat.format(Cost.tokens(12_500), Locale.US));
        assertEquals("1,234.5 credits", CostFormat.format(Cost.credits(new BigDecimal("1234.50")), Locale.US));
        assertEquals("1,520.00 USD", CostFormat.format(Cost.money(new BigDecimal("1520"), "USD"), Locale.US));
        assertEquals("0.400 USD", CostFormat.format(Cost.money(new BigDecimal("0.4"), "USD"), Locale.US));
        assertEquals("0.0042 USD", CostFormat.format(Cost.money(new BigDecimal("0.0042"), "USD"), Locale.US));
        assertEquals("12.500,5 credits", CostFormat.format(Cost.credits(new BigDecimal("12500.5")), Locale.GERMANY));
    }

    @Test
    void aRowPacksItsCostWithoutLosingIt() {
        TaskRow row = TaskRow.of(new dev.reelwatch.store.TaskSummary(1, 1, "A", dev.reelwatch.core.ProviderKind.MESHAPI,
                "t", dev.reelwatch.core.TaskStatus.SUCCEEDED, "done", null, null, "p", "m", null, null, null, null,
                null, Cost.money(new BigDecimal("0.0042"), "USD"), null, true, false, null, false, null,
                java.util.List.of()));
        assertEquals(Cost.money(new BigDecimal("0.0042"), "USD"), row.cost());
        assertEquals(null, row.progress());
        assertEquals(null, row.createdAt());
    }

    @Test
    void relativeTimesChangeEverySecondUnderAMinuteThenAtEachNewMinuteHourAndDay() {
        long at = 1_000_000L;
        assertEquals(at + 13_000, TimeTicks.nextChange(at, at + 12_400));
        assertEquals(at + 180_000, TimeTicks.nextChange(at, at + 125_000));
        assertEquals(at + 2 * 3_600_000, TimeTicks.nextChange(at, at + 3_700_000));
        assertEquals(at + 2 * 86_400_000L, TimeTicks.nextChange(at, at + 90_000_000L));
    }
}
