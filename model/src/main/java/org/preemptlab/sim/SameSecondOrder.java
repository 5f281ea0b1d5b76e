package org.preemptlab.sim;

import java.util.Arrays;

/**
 * A recorded order of same-second events, an explicit input of a run (e.g. read from slurmctld's log, whose lines carry
 * milliseconds where sacct has whole seconds): the instant, in milliseconds on the run's clock, at which a real run saw
 * each job's submit and end. The engine's time stays whole seconds. In second {@code s}, a submit or an end whose
 * recorded instant falls in {@code s} is applied at its place among the policy's recorded passes of that second (those
 * recorded before it run first: {@link org.preemptlab.sched.SchedulingPolicy#passesBefore}); a submit or an end without
 * one, or whose recorded instant is in another second (the run did not repeat the recorded second), comes first, as
 * without this order. An end is placed from the job's own start where the policy knows the recorded pass that started it
 * ({@link org.preemptlab.sched.SchedulingPolicy#startMillis}): that pass's instant + the job's recorded run
 * ({@code runMillis}, the recorded end − the recorded start), kept within the end's second ({@link #endAt}); else at the
 * recorded end when the run ends the job in that second. Same-millisecond events: ends before submits, then insertion
 * (the engine's rule).
 *
 * @param submitMillis by job (its position in the configuration's list), the submit's recorded instant, or {@link #UNKNOWN}
 * @param endMillis    by job, the end's recorded instant, or {@link #UNKNOWN}
 * @param runMillis    by job, the recorded run from its start to its end in milliseconds, or {@link #UNKNOWN}
 */
public record SameSecondOrder(long[] submitMillis, long[] endMillis, long[] runMillis) {

    /** No recorded instant. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    public SameSecondOrder {
        if (submitMillis.length != endMillis.length || runMillis.length != endMillis.length) {
            throw new IllegalArgumentException("same-second order: " + submitMillis.length + " submits, " + endMillis.length + " ends and "
                    + runMillis.length + " runs: one of each per job");
        }
        submitMillis = submitMillis.clone();
        endMillis = endMillis.clone();
        runMillis = runMillis.clone();
    }

    /** Submits and ends only (no runs: an end only at its recorded instant). */
    public SameSecondOrder(long[] submitMillis, long[] endMillis) {
        this(submitMillis, endMillis, unknown(endMillis.length));
    }

    private static long[] unknown(int n) {
        long[] a = new long[n];
        Arrays.fill(a, UNKNOWN);
        return a;
    }

    public int size() {
        return submitMillis.length;
    }

    /** The recorded instant of job {@code job}'s submit when it falls in second {@code second}, else {@link #UNKNOWN}. */
    public long submitIn(int job, long second) {
        return in(submitMillis, job, second);
    }

    /** The recorded instant of job {@code job}'s end when it falls in second {@code second}, else {@link #UNKNOWN}. */
    public long endIn(int job, long second) {
        return in(endMillis, job, second);
    }

    /**
     * Where job {@code job}'s end, which the run has in second {@code second}, falls within that second: the run's start
     * {@code startMillis} (the recorded pass that started it, or {@link #UNKNOWN}) + the recorded run, moved to the
     * second's first millisecond when it falls before it (the end comes before the second's passes) and to its last when
     * after (after them); without a start or a run, the recorded end if it is in that second; else {@link #UNKNOWN}.
     */
    public long endAt(int job, long second, long startMillis) {
        if (job >= 0 && job < runMillis.length && startMillis != UNKNOWN && runMillis[job] != UNKNOWN) {
            return Math.max(second * 1000, Math.min(second * 1000 + 999, startMillis + runMillis[job]));
        }
        return endIn(job, second);
    }

    private static long in(long[] a, int job, long second) {
        if (job < 0 || job >= a.length) return UNKNOWN;
        long ms = a[job];
        return ms != UNKNOWN && Math.floorDiv(ms, 1000) == second ? ms : UNKNOWN;
    }

    /** Jobs with a recorded submit instant. */
    public int submitsKnown() {
        return (int) Arrays.stream(submitMillis).filter(m -> m != UNKNOWN).count();
    }

    /** Jobs with a recorded end instant. */
    public int endsKnown() {
        return (int) Arrays.stream(endMillis).filter(m -> m != UNKNOWN).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SameSecondOrder r && Arrays.equals(submitMillis, r.submitMillis) && Arrays.equals(endMillis, r.endMillis)
                && Arrays.equals(runMillis, r.runMillis);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(submitMillis) * 31 + Arrays.hashCode(endMillis)) * 31 + Arrays.hashCode(runMillis);
    }

    @Override
    public String toString() {
        return "SameSecondOrder[" + size() + " jobs, " + submitsKnown() + " submits and " + endsKnown() + " ends recorded]";
    }
}
