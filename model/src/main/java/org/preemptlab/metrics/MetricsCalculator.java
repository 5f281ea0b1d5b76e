package org.preemptlab.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.SimulationResult;

/** Computes {@link Metrics} from a finished run. */
public final class MetricsCalculator {

    /** τ of the bounded slowdown, s. */
    public static final double TAU = 10.0;

    private MetricsCalculator() {}

    /** max(1, (end − submit) / max(run, τ)): for a job never preempted, (wait + run) / max(run, τ). */
    public static double boundedSlowdown(long response, long runtime) {
        return Math.max(1.0, response / Math.max((double) runtime, TAU));
    }

    /** Jobs summed per call of {@code Sums.addRange}. */
    private static final int SUMS_CHUNK = 8;

    public static Metrics of(SimulationResult result) {
        int n = result.jobs().size();
        Sums sums = new Sums(n, result.endTime());
        // the body a method called for a few jobs at a time: compiled after a few hundred calls, while a loop over all
        // the jobs, here or in a method called once, would run interpreted until on-stack replacement (≈ 60,000 jobs)
        for (int i = 0; i < n; i += SUMS_CHUNK) sums.addRange(result, i, Math.min(n, i + SUMS_CHUNK));
        long[] waits = sums.waits;
        double sumWait = sums.sumWait, sumResponse = sums.sumResponse, sumBsld = sums.sumBsld, useful = sums.useful,
                lost = sums.lost, overhead = sums.overhead;
        long firstSubmit = sums.firstSubmit, lastEnd = sums.lastEnd, checkpoints = sums.checkpoints;
        int preempted = sums.preempted, completed = sums.completed, killed = sums.killed;
        int[] byMechanism = sums.byMechanism;
        int[] jobsByMechanism = sums.jobsByMechanism;
        Map<String, double[]> classes = sums.classes;
        if (n == 0) {
            firstSubmit = 0;
            lastEnd = 0;
        }
        long makespan = Math.max(0, lastEnd - firstSubmit);
        double capacity = (double) result.cluster().totalCores() * makespan;
        // the two percentiles by selection (no full sort of a million waits): p95 first, the median below it
        int rank95 = rank(n, 0.95);
        int rank50 = rank(n, 0.5);
        double p95 = n == 0 ? 0 : select(waits, rank95, 0, n);
        double median = n == 0 ? 0 : rank50 == rank95 ? p95 : select(waits, rank50, 0, rank95);
        Map<String, Integer> mech = new LinkedHashMap<>();
        Map<String, Integer> jobsMech = new LinkedHashMap<>();
        for (PreemptMechanism m : PreemptMechanism.values()) {
            mech.put(m.label(), byMechanism[m.ordinal()]);
            jobsMech.put(m.label(), jobsByMechanism[m.ordinal()]);
        }
        Map<String, Metrics.ClassMetrics> byClass = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : classes.entrySet()) { // a loop, not forEach(lambda): no lambda on the one-shot path
            double[] v = e.getValue();
            byClass.put(e.getKey(), new Metrics.ClassMetrics((int) v[0], v[1] / v[0], v[2], v[3] / v[0], v[4] / v[0]));
        }
        double days = makespan / 86_400.0;
        return new Metrics(
                n,
                completed,
                n == 0 ? 0 : sumWait / n,
                median,
                p95,
                n == 0 ? 0 : sumResponse / n,
                n == 0 ? 0 : sumBsld / n,
                capacity == 0 ? 0 : useful / capacity,
                makespan == 0 ? 0 : result.queueArea() / Math.max(1, result.endTime() - result.queueFrom()),
                makespan,
                n == 0 ? 0 : (double) preempted / n,
                mech,
                jobsMech,
                lost,
                overhead,
                checkpoints,
                days == 0 ? 0 : checkpoints / (result.cluster().nodeCount() * days),
                capacity == 0 ? 0 : (lost + overhead) / capacity,
                killed,
                byClass,
                result.wallNanos() / 1e9);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[rank(sorted.length, q)];
    }

    /** The index of the nearest-rank {@code q} percentile in {@code n} sorted values (n ≥ 1). */
    static int rank(int n, double q) {
        int rank = (int) Math.ceil(q * n);
        return Math.max(0, Math.min(n - 1, rank - 1));
    }

    /**
     * The value that would be at index {@code k} of {@code a[from, to)} sorted; reorders that range so
     * that it is there, with no larger value before it and no smaller one after it (quickselect, median
     * of three; a range that does not shrink fast enough is sorted instead, so never quadratic).
     */
    static long select(long[] a, int k, int from, int to) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))) + 8;
        while (hi - lo > 16) {
            if (--budget < 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three to a[mid]
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) { // Hoare: values equal to the pivot go both ways, so runs of equal waits split evenly
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * The per-job sums, in job order. A one-shot run calls {@link #of} once: a loop body inside it would
     * run interpreted until on-stack replacement (tens of thousands of jobs); as a method it is compiled early.
     */
    private static final class Sums {
        final long endTime;
        final long[] waits;
        double sumWait, sumResponse, sumBsld, useful, lost, overhead;
        long firstSubmit = Long.MAX_VALUE, lastEnd = Long.MIN_VALUE, checkpoints;
        int preempted, completed, killed;
        final int[] byMechanism = new int[PreemptMechanism.values().length];
        final int[] jobsByMechanism = new int[PreemptMechanism.values().length];
        final Map<String, double[]> classes = new TreeMap<>();
        final PreemptMechanism[] mechanisms = PreemptMechanism.values();
        String lastQos;
        double[] c;

        Sums(int n, long endTime) {
            this.waits = new long[n];
            this.endTime = endTime;
        }

        /** Adds jobs {@code [from, to)} in index order. */
        void addRange(SimulationResult result, int from, int to) {
            for (int i = from; i < to; i++) add(i, result.job(i));
        }

        void add(int i, JobRun r) {
            int procs = r.spec().procs();
            firstSubmit = Math.min(firstSubmit, r.spec().submit());
            long end = r.end() >= 0 ? r.end() : endTime;
            lastEnd = Math.max(lastEnd, end);
            waits[i] = r.totalWait();
            sumWait += r.totalWait();
            long response = end - r.spec().submit();
            sumResponse += response;
            double bsld = boundedSlowdown(response, r.spec().runtime());
            sumBsld += bsld;
            if (r.state() == JobState.COMPLETED) {
                completed++;
                useful += (double) procs * r.spec().runtime();
            } else {
                killed++;
                lost += (double) procs * r.workDone();
            }
            lost += (double) procs * r.lostWork();
            overhead += (double) procs * (r.checkpointSeconds() + r.restartSeconds());
            checkpoints += r.timesCheckpointed();
            if (r.timesPreempted() > 0) {
                preempted++;
                for (PreemptMechanism m : mechanisms) {
                    int by = r.preemptionsBy(m);
                    byMechanism[m.ordinal()] += by;
                    if (by > 0) jobsByMechanism[m.ordinal()]++;
                }
            }
            String qos = r.spec().qos();
            if (!qos.equals(lastQos)) { // jobs of one class usually come in runs: one map look-up a run
                c = classes.get(qos);
                if (c == null) {
                    c = new double[5];
                    classes.put(qos, c);
                }
                lastQos = qos;
            }
            c[0]++;
            c[1] += r.totalWait();
            c[2] = Math.max(c[2], r.totalWait());
            c[3] += bsld;
            if (r.timesPreempted() > 0) c[4]++;
        }
    }
}
