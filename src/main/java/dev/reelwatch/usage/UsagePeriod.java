package dev.reelwatch.usage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The width of one bar in the usage charts: a calendar day, or an ISO week starting on Monday. */
public enum UsagePeriod {
    DAY, WEEK;

    /** The first day of the period holding {@code at}, in {@code zone}. */
    public LocalDate start(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate next(LocalDate start) {
        return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
    }
}
