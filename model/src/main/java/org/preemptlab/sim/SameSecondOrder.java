package org.preemptlab.sim;

import java.util.Arrays;

/**
 * A recorded order of same-second events, an explicit input of a run (e.g. read from slurmctld's log, whose lines carry
 * milliseconds where sacct has whole seconds): the instant, in milliseconds on the run's clock, at which a real run saw
 * each job's submit and end. The engine's time stays whole seconds. In second {@code s}, a submit or an end whose
 * recorded instant falls in {@code s} is applied at its place among the policy's recorded passes of that second (those
 * recorded before it run first: {@link org.preemptlab.sched.SchedulingPolicy#passesBefore}); a submit or an end without
 * one, or whose recorded instant is in another second (the run did not repeat the recorded second), comes first, as
 * without this order. Same-millisecond events: ends before submits, then insertion (the engine's rule).
 *
 * @param submitMillis by job (its position in the configuration's list), the submit's recorded instant, or {@link #UNKNOWN}
 * @param endMillis    by job, the end's recorded instant, or {@link #UNKNOWN}
 */
public record SameSecondOrder(long[] submitMillis, long[] endMillis) {

    /** No recorded instant. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    public SameSecondOrder {
        if (submitMillis.length != endMillis.length) {
            throw new IllegalArgumentException("same-second order: " + submitMillis.length + " submits but " + endMillis.length + " ends");
        }
        submitMillis = submitMillis.clone();
        endMillis = endMillis.clone();
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
        return o instanceof SameSecondOrder r && Arrays.equals(submitMillis, r.submitMillis) && Arrays.equals(endMillis, r.endMillis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(submitMillis) * 31 + Arrays.hashCode(endMillis);
    }

    @Override
    public String toString() {
        return "SameSecondOrder[" + size() + " jobs, " + submitsKnown() + " submits and " + endsKnown() + " ends recorded]";
    }
}
