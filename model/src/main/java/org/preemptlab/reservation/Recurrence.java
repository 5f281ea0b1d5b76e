package org.preemptlab.reservation;

import java.util.ArrayList;
import java.util.List;

/**
 * How a reservation repeats (Slurm's flags HOURLY, DAILY, WEEKDAY, WEEKEND, WEEKLY). Simulated time
 * 0 is taken to be a Monday at 00:00: WEEKDAY occurrences fall on days 0–4 of each week, WEEKEND ones
 * on days 5–6.
 */
public enum Recurrence {
    ONCE(0), HOURLY(3600), DAILY(86_400), WEEKDAY(86_400), WEEKEND(86_400), WEEKLY(7 * 86_400);

    public static final long DAY = 86_400;

    private final long period;

    Recurrence(long period) {
        this.period = period;
    }

    /** Seconds between two candidate starts (0 for ONCE). */
    public long period() {
        return period;
    }

    /** The Slurm flag name ({@code null} for ONCE). */
    public String flag() {
        return this == ONCE ? null : name();
    }

    /** The recurrence of that Slurm flag name (case-insensitive), or null if it is not one. */
    public static Recurrence ofFlag(String text) {
        for (Recurrence r : values()) if (r != ONCE && r.name().equalsIgnoreCase(text.trim())) return r;
        return null;
    }

    /**
     * The starts of the occurrences from {@code start} that begin before {@code until}, at most
     * {@code max} of them (the first one always, even if it begins after {@code until}).
     */
    public List<Long> starts(long start, long until, int max) {
        List<Long> out = new ArrayList<>();
        out.add(start);
        if (this == ONCE) return out;
        for (long t = start + period; t < until && out.size() < max; t += period) {
            if (this == WEEKDAY && Math.floorMod(Math.floorDiv(t, DAY), 7) >= 5) continue;
            if (this == WEEKEND && Math.floorMod(Math.floorDiv(t, DAY), 7) < 5) continue;
            out.add(t);
        }
        return out;
    }
}
