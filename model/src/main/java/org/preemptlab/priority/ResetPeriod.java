package org.preemptlab.priority;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * {@code PriorityUsageResetPeriod}: when all usage is cleared. Calendar periods are taken in UTC,
 * simulation time 0 being the epoch second the ledger is given; the reset happens at the first
 * {@code PriorityCalcPeriod} tick at or after the boundary, as Slurm's decay thread does.
 */
public enum ResetPeriod {
    NONE, NOW, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    public static ResetPeriod parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (ResetPeriod r : values()) if (r.name().equals(t)) return r;
        throw new IllegalArgumentException("\"" + text + "\" is not a PriorityUsageResetPeriod; use NONE, NOW, DAILY, WEEKLY, MONTHLY, QUARTERLY or YEARLY");
    }

    /**
     * The first boundary after the one at or before {@code lastReset} (epoch seconds): next midnight,
     * next Sunday 00:00, first of next month / quarter / year. {@code Long.MAX_VALUE} for NONE and NOW.
     */
    public long nextAfter(long lastResetEpoch) {
        LocalDate d = Instant.ofEpochSecond(lastResetEpoch).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (this) {
            case NONE, NOW -> null;
            case DAILY -> d.plusDays(1);
            case WEEKLY -> d.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
            case MONTHLY -> d.withDayOfMonth(1).plusMonths(1);
            case QUARTERLY -> d.withDayOfMonth(1).withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3);
            case YEARLY -> d.withDayOfYear(1).plusYears(1);
        };
        return next == null ? Long.MAX_VALUE : next.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
