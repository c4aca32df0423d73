package dev.reelwatch.ui.usage;

import java.time.LocalDate;

/** How far back the usage view looks. */
public enum UsageRange {
    LAST_7_DAYS(7), LAST_30_DAYS(30), LAST_90_DAYS(90), ALL(0);

    private final int days;

    UsageRange(int days) {
        this.days = days;
    }

    /** The first day counted, {@code today} included; null for all time. */
    public LocalDate since(LocalDate today) {
        return days == 0 ? null : today.minusDays(days - 1L);
    }
}
