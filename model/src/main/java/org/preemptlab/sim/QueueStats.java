package org.preemptlab.sim;

/** Integrates the number of waiting jobs over time (for the time-average queue length). */
final class QueueStats {

    private long from = Long.MIN_VALUE;
    private long last;
    private double area;

    void advance(long t, int queueLength) {
        if (from == Long.MIN_VALUE) {
            from = t;
            last = t;
            return;
        }
        area += (double) queueLength * (t - last);
        last = t;
    }

    double area() {
        return area;
    }

    long from() {
        return from == Long.MIN_VALUE ? 0 : from;
    }
}
