package org.preemptlab.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.SimulationResult;

/**
 * The backlog over time: the work the queue asks for, in node-seconds (processor-seconds on a
 * processor machine), as the sum over waiting jobs of nodes × requested time (the estimate: what
 * the scheduler sees). A step function, exact at every change.
 */
public final class Backlog {

    private final long[] times;
    private final double[] nodeSeconds;
    private final int[] jobs;

    private Backlog(long[] times, double[] nodeSeconds, int[] jobs) {
        this.times = times;
        this.nodeSeconds = nodeSeconds;
        this.jobs = jobs;
    }

    public static Backlog of(SimulationResult result) {
        return of(result.timeline().segments(), j -> (long) result.job(j).spec().nodes() * result.job(j).spec().estimate());
    }

    /** @param askedNodeSeconds what a job (by index) asks for: nodes × estimate */
    public static Backlog of(List<Segment> segments, IntToLongFunction askedNodeSeconds) {
        int n = 0;
        for (Segment s : segments) if (s.kind() == SegmentKind.WAITING && s.end() > s.start()) n++;
        long[] t = new long[2 * n];
        double[] d = new double[2 * n];
        int[] c = new int[2 * n];
        int k = 0;
        for (Segment s : segments) {
            if (s.kind() != SegmentKind.WAITING || s.end() <= s.start()) continue;
            double asked = askedNodeSeconds.applyAsLong(s.job());
            t[k] = s.start();
            d[k] = asked;
            c[k++] = 1;
            t[k] = s.end();
            d[k] = -asked;
            c[k++] = -1;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Long.compare(t[x], t[y]));
        long[] times = new long[k];
        double[] values = new double[k];
        int[] counts = new int[k];
        int m = 0;
        double level = 0;
        int count = 0;
        for (int i = 0; i < k; ) {
            long time = t[order[i]];
            while (i < k && t[order[i]] == time) {
                level += d[order[i]];
                count += c[order[i]];
                i++;
            }
            if (count == 0) level = 0; // no rounding residue once the queue is empty
            times[m] = time;
            values[m] = level;
            counts[m++] = count;
        }
        return new Backlog(Arrays.copyOf(times, m), Arrays.copyOf(values, m), Arrays.copyOf(counts, m));
    }

    /** Number of changes. */
    public int size() {
        return times.length;
    }

    public long timeAt(int i) {
        return times[i];
    }

    /** Backlog from change {@code i} until the next one, node-seconds. */
    public double nodeSecondsAt(int i) {
        return nodeSeconds[i];
    }

    /** Jobs waiting from change {@code i} until the next one. */
    public int jobsAt(int i) {
        return jobs[i];
    }

    /** The backlog at instant {@code t}, node-seconds (0 before the first change). */
    public double nodeSecondsAt(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) i = -i - 2;
        return i < 0 ? 0 : nodeSeconds[i];
    }

    /** The largest backlog, node-seconds. */
    public double peak() {
        double max = 0;
        for (double v : nodeSeconds) max = Math.max(max, v);
        return max;
    }
}
