package org.preemptlab.slurmsched;

import java.util.Arrays;

/**
 * The backfill cycles' phase piece by piece: from second {@code fromSeconds[i]} (until the next piece) the cycles run at
 * {@code phases[i]} + k·bf_interval. Slurm's backfill thread sleeps bf_interval <em>after</em> a cycle ends
 * ({@code backfill_agent}: {@code _my_sleep(bf_interval)}, then the cycle, then {@code last_backfill_time = time(NULL)}),
 * so each cycle comes a little later than the last one + bf_interval (the cycle's own time) and the cycles' second
 * modulo bf_interval moves forward by a second now and then; a history's cycles are then a grid per piece of time.
 * At a change the new piece's first cycle comes no sooner than bf_interval after the old piece's last one (Slurm never
 * runs two cycles closer than that: its {@code wait_time < backfill_interval} test), so a drift of d seconds makes one
 * gap of bf_interval + d.
 *
 * @param fromSeconds the pieces' first seconds, rising; the first piece also covers all time before it
 * @param phases      each piece's phase, 0 ≤ phase &lt; bf_interval (checked by {@link #checkInterval})
 */
public record BackfillPhases(long[] fromSeconds, long[] phases) {

    public BackfillPhases {
        if (fromSeconds.length == 0 || fromSeconds.length != phases.length) {
            throw new IllegalArgumentException("backfill phases: " + fromSeconds.length + " piece starts and " + phases.length
                    + " phases; give one phase per piece, at least one");
        }
        for (int i = 0; i < phases.length; i++) {
            if (phases[i] < 0) throw new IllegalArgumentException("backfill phases: piece " + i + "'s phase is " + phases[i] + "; must be ≥ 0");
            if (i > 0 && fromSeconds[i] <= fromSeconds[i - 1]) {
                throw new IllegalArgumentException("backfill phases: piece " + i + " starts at " + fromSeconds[i] + " s, not after piece "
                        + (i - 1) + "'s " + fromSeconds[i - 1] + " s");
            }
        }
        fromSeconds = fromSeconds.clone();
        phases = phases.clone();
    }

    /** One phase for all time. */
    public static BackfillPhases of(long phase) {
        return new BackfillPhases(new long[] {0}, new long[] {phase});
    }

    public int pieces() {
        return phases.length;
    }

    /** @throws IllegalArgumentException naming the piece whose phase is not below {@code interval} */
    public void checkInterval(long interval) {
        for (int i = 0; i < phases.length; i++) {
            if (phases[i] >= interval) {
                throw new IllegalArgumentException("backfill phases: piece " + i + "'s phase is " + phases[i] + " s; must be below bf_interval "
                        + interval + " s");
            }
        }
    }

    /**
     * The first backfill cycle at or after second {@code t} with cycles every {@code interval} seconds: on the grid of the
     * piece in effect, a piece's first cycle no sooner than {@code interval} after the previous piece's last one.
     */
    public long tickAtOrAfter(long t, long interval) {
        int i = 0;
        while (i + 1 < fromSeconds.length && fromSeconds[i + 1] <= t) i++;
        long from = Math.max(t, firstTick(i, interval));
        while (true) {
            long cand = SlurmSchedulerPolicy.tickAtOrAfter(from, phases[i], interval);
            if (i + 1 == fromSeconds.length || cand < fromSeconds[i + 1]) return cand;
            i++;
            from = Math.max(fromSeconds[i], firstTick(i, interval));
        }
    }

    /** Piece {@code i}'s first cycle (it may fall past the piece: then the piece has none). */
    private long firstTick(int i, long interval) {
        if (i == 0) return Long.MIN_VALUE / 4;
        return SlurmSchedulerPolicy.tickAtOrAfter(Math.max(fromSeconds[i], lastBefore(i, interval) + interval), phases[i], interval);
    }

    /** The last cycle before piece {@code i} (≥ 1) starts: the previous piece's last, or (an empty one) the one before it. */
    private long lastBefore(int i, long interval) {
        long last = SlurmSchedulerPolicy.tickAtOrAfter(fromSeconds[i], phases[i - 1], interval) - interval;
        if (i == 1 || last >= firstTick(i - 1, interval)) return last;
        return lastBefore(i - 1, interval);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackfillPhases b && Arrays.equals(fromSeconds, b.fromSeconds) && Arrays.equals(phases, b.phases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fromSeconds) + Arrays.hashCode(phases);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < phases.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(phases[i]).append(" s");
            if (i > 0) sb.append(" from ").append(fromSeconds[i]).append(" s");
        }
        return sb.toString();
    }
}
