package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;

/**
 * The phase of Slurm's periodic passes inferred from a sacct history alone ({@code replay --phase auto}, the default).
 * slurmctld runs its full main pass every {@code sched_interval} and its backfill every {@code bf_interval}, timed from
 * its own start, which sacct does not record; the replay puts them at phase + k·interval seconds after the earliest
 * Submit. A job starts in some pass, so the seconds of sacct's Start column carry the passes' instants: a start that no
 * submit or end explains (the main pass after an event, {@code batch_sched_delay}) was made by a periodic pass.
 * <p>For each candidate phase p (0 ≤ p &lt; {@code sched_interval}) this walks the passes the replay's own rules give
 * from sacct's submits (max(Submit, Eligible)) and ends alone — a full main pass at p + k·sched_interval, a main pass
 * after a submit or an end at most every {@code batch_sched_delay} (else when that delay is over), a backfill cycle at
 * p + k·bf_interval — and counts the jobs whose Start falls in a second with a pass; the phase with the most wins (ties:
 * the smallest). Only the passes' instants are inferred (one number from all the starts): no job's own start is given
 * to the replay, which still has to put each job in a pass by its own model.
 *
 * @param phaseSeconds   the phase chosen
 * @param startsOnPasses how many of the starts fall in a second with a pass at that phase
 * @param starts         how many jobs with a Start the history has (the replayed rows)
 * @param byPhase        the count for each candidate phase (index = phase; -1 for a phase not tried)
 */
public record PassPhase(long phaseSeconds, int startsOnPasses, int starts, int[] byPhase) {

    /** A replay's phase argument meaning "infer it from the history" ({@code --phase auto}). */
    public static final long AUTO = -1;

    /** Above this {@code sched_interval} only the most common phases of the unexplained starts are tried. */
    static final int MAX_ALL_CANDIDATES = 600;
    /** How many phases are tried when {@code sched_interval} exceeds {@link #MAX_ALL_CANDIDATES}. */
    static final int FEW_CANDIDATES = 60;

    public PassPhase {
        byPhase = byPhase.clone();
    }

    @Override
    public int[] byPhase() {
        return byPhase.clone();
    }

    /** The phase of {@code history}'s replayed rows under the intervals of {@code config}. */
    public static PassPhase infer(SacctHistory history, SlurmSchedulerConfig config) {
        return infer(history.replayed(), history.origin(), config.schedIntervalSeconds(), config.bfIntervalSeconds(),
                config.batchSchedDelaySeconds());
    }

    /**
     * The phase of {@code rows} (sacct rows; those without a Start are only events), times relative to
     * {@code originSeconds}; intervals in seconds (≥ 1), {@code batchSchedDelay} ≥ 0.
     */
    public static PassPhase infer(List<SacctJob> rows, long originSeconds, long schedInterval, long bfInterval, long batchSchedDelay) {
        if (schedInterval < 1 || bfInterval < 1 || batchSchedDelay < 0) {
            throw new IllegalArgumentException("pass phase: sched_interval " + schedInterval + " s, bf_interval " + bfInterval
                    + " s, batch_sched_delay " + batchSchedDelay + " s; the intervals must be ≥ 1, the delay ≥ 0");
        }
        List<Long> ev = new ArrayList<>();
        List<Long> st = new ArrayList<>();
        for (SacctJob j : rows) {
            long q = Math.max(j.submit(), j.eligible());
            if (j.submit() >= 0 && q >= originSeconds) ev.add(q - originSeconds);
            if (j.end() >= 0 && j.end() >= originSeconds) ev.add(j.end() - originSeconds);
            if (j.start() >= 0 && j.start() >= originSeconds) st.add(j.start() - originSeconds);
        }
        long[] events = ev.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        long[] starts = st.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = (int) Math.min(schedInterval, Integer.MAX_VALUE);
        int[] byPhase = new int[n <= MAX_ALL_CANDIDATES ? n : 0];
        if (starts.length == 0) return new PassPhase(0, 0, 0, byPhase);
        long[] candidates = candidates(events, starts, schedInterval);
        if (byPhase.length > 0) Arrays.fill(byPhase, -1);
        long best = 0;
        int bestCount = -1;
        for (long p : candidates) {
            int c = startsOnPasses(events, starts, p, schedInterval, bfInterval, batchSchedDelay);
            if (byPhase.length > 0) byPhase[(int) p] = c;
            if (c > bestCount || (c == bestCount && p < best)) {
                best = p;
                bestCount = c;
            }
        }
        return new PassPhase(best, bestCount, starts.length, byPhase);
    }

    /** Every phase below sched_interval, or (a long sched_interval) the most common phases of the starts no event explains. */
    private static long[] candidates(long[] events, long[] starts, long schedInterval) {
        if (schedInterval <= MAX_ALL_CANDIDATES) {
            long[] all = new long[(int) schedInterval];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        java.util.Map<Long, Integer> count = new java.util.HashMap<>();
        for (long s : starts) if (Arrays.binarySearch(events, s) < 0) count.merge(Math.floorMod(s, schedInterval), 1, Integer::sum);
        count.putIfAbsent(0L, 0);
        return count.entrySet().stream().sorted((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue())).limit(FEW_CANDIDATES).mapToLong(e -> e.getKey()).sorted().toArray();
    }

    /**
     * How many of {@code starts} (sorted) fall in a second with a pass at phase {@code p}: the main passes walked from the
     * events (sorted, distinct) as {@code SlurmSchedulerPolicy} runs them, the backfill cycles on the grid.
     */
    static int startsOnPasses(long[] events, long[] starts, long p, long schedInterval, long bfInterval, long delay) {
        long end = starts[starts.length - 1];
        long[] main = new long[16];
        int nm = 0;
        long last = Long.MIN_VALUE / 4;
        boolean pending = false;
        long nextFull = p;
        int ei = 0;
        while (true) {
            long e = ei < events.length ? events[ei] : Long.MAX_VALUE;
            long due = pending ? Math.max(last + delay, 0) : Long.MAX_VALUE;
            long t = Math.min(e, Math.min(nextFull, due));
            if (t > end) break;
            if (t == e) {
                pending = true;
                ei++;
            }
            boolean pass = t == nextFull || (pending && t - last >= delay);
            if (t == nextFull) nextFull += schedInterval;
            if (pass) {
                if (nm == main.length) main = Arrays.copyOf(main, nm * 2);
                main[nm++] = t;
                last = t;
                pending = false;
            }
        }
        int c = 0, mi = 0;
        for (long s : starts) {
            while (mi < nm && main[mi] < s) mi++;
            if ((mi < nm && main[mi] == s) || (s >= p && (s - p) % bfInterval == 0)) c++;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassPhase x && phaseSeconds == x.phaseSeconds && startsOnPasses == x.startsOnPasses && starts == x.starts
                && Arrays.equals(byPhase, x.byPhase);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(phaseSeconds) * 31 + startsOnPasses) * 31 + starts + Arrays.hashCode(byPhase) * 17;
    }

    @Override
    public String toString() {
        return "PassPhase[" + phaseSeconds + " s: " + startsOnPasses + " of " + starts + " starts on a pass]";
    }
}
