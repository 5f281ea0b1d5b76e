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

    public static Metrics of(SimulationResult result) {
        int n = result.jobs().size();
        long[] waits = new long[n];
        double sumWait = 0, sumResponse = 0, sumBsld = 0, useful = 0, lost = 0, overhead = 0;
        long firstSubmit = Long.MAX_VALUE, lastEnd = Long.MIN_VALUE, checkpoints = 0;
        int preempted = 0, completed = 0, killed = 0;
        int[] byMechanism = new int[PreemptMechanism.values().length];
        int[] jobsByMechanism = new int[PreemptMechanism.values().length];
        Map<String, double[]> classes = new TreeMap<>();
        PreemptMechanism[] mechanisms = PreemptMechanism.values();
        String lastQos = null;
        double[] c = null;
        for (int i = 0; i < n; i++) {
            JobRun r = result.job(i);
            int procs = r.spec().procs();
            firstSubmit = Math.min(firstSubmit, r.spec().submit());
            long end = r.end() >= 0 ? r.end() : result.endTime();
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
            if (r.timesPreempted() > 0) preempted++;
            for (PreemptMechanism m : mechanisms) {
                int by = r.preemptionsBy(m);
                byMechanism[m.ordinal()] += by;
                if (by > 0) jobsByMechanism[m.ordinal()]++;
            }
            String qos = r.spec().qos();
            if (!qos.equals(lastQos)) { // jobs of one class usually come in runs: one map look-up a run
                c = classes.computeIfAbsent(qos, k -> new double[5]);
                lastQos = qos;
            }
            c[0]++;
            c[1] += r.totalWait();
            c[2] = Math.max(c[2], r.totalWait());
            c[3] += bsld;
            if (r.timesPreempted() > 0) c[4]++;
        }
        if (n == 0) {
            firstSubmit = 0;
            lastEnd = 0;
        }
        long makespan = Math.max(0, lastEnd - firstSubmit);
        double capacity = (double) result.cluster().totalCores() * makespan;
        Arrays.sort(waits);
        Map<String, Integer> mech = new LinkedHashMap<>();
        Map<String, Integer> jobsMech = new LinkedHashMap<>();
        for (PreemptMechanism m : PreemptMechanism.values()) {
            mech.put(m.label(), byMechanism[m.ordinal()]);
            jobsMech.put(m.label(), jobsByMechanism[m.ordinal()]);
        }
        Map<String, Metrics.ClassMetrics> byClass = new LinkedHashMap<>();
        classes.forEach((k, v) -> byClass.put(k, new Metrics.ClassMetrics((int) v[0], v[1] / v[0], v[2], v[3] / v[0], v[4] / v[0])));
        double days = makespan / 86_400.0;
        return new Metrics(
                n,
                completed,
                n == 0 ? 0 : sumWait / n,
                percentile(waits, 0.5),
                percentile(waits, 0.95),
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
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
