package org.preemptlab.sched;

/**
 * Nodes out of service over [start, end) (a maintenance window or a full-machine reservation).
 * A job that starts at or after {@code drainFrom} may not use these nodes if it would (by its
 * estimate) still run at {@code start}: before {@code drainFrom} anything may start (its work is
 * checkpointed or killed at {@code start} instead).
 */
public record Reservation(String name, long start, long end, int[] nodes, long drainFrom) {

    /** True if a job starting at {@code from} and ending by estimate at {@code to} must avoid these nodes. */
    public boolean blocks(long from, long to) {
        return from < end && to > start && from >= drainFrom;
    }
}
