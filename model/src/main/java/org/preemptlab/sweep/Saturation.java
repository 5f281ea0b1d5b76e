package org.preemptlab.sweep;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobSpec;

/**
 * A saturation curve as a sweep: one workload run at several offered loads per scheduler. The
 * offered load of a workload on a machine is ρ = Σ run time × processors / (machine processors ×
 * submission span); a target load ρ' is reached by multiplying the arrival rate by k = ρ' / ρ (the
 * sweep's {@code load} axis, {@link org.preemptlab.growth.LoadScaling#arrivals}): the same jobs, their
 * gaps divided by k. The variants run on {@link SweepRunner}.
 */
public final class Saturation {

    private Saturation() {}

    /**
     * Offered load: Σ run time × processors / (capacity × (last submission − first submission)).
     *
     * @throws IllegalArgumentException with fewer than two distinct submission times
     */
    public static double offeredLoad(List<JobSpec> jobs, long capacityProcs) {
        if (capacityProcs < 1) throw new IllegalArgumentException("capacity is " + capacityProcs + "; must be ≥ 1");
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        double work = 0;
        for (JobSpec j : jobs) {
            first = Math.min(first, j.submit());
            last = Math.max(last, j.submit());
            work += (double) j.runtime() * j.procs();
        }
        if (jobs.isEmpty() || last <= first) {
            throw new IllegalArgumentException("the workload has " + jobs.size() + " jobs submitted within one second; "
                    + "its offered load is not defined");
        }
        return work / ((double) capacityProcs * (last - first));
    }

    /** Processors of a cluster (cores of a node cluster). */
    public static long capacity(Cluster c) {
        return c.totalCores();
    }

    /**
     * The sweep of these schedulers × target loads on one input; variant ids run policy-major
     * (policy, then load in the given order).
     *
     * @param targetLoads offered loads in (0, ∞), e.g. 0.5 … 1.0
     */
    public static SweepSpec spec(SweepInput input, List<String> policies, List<Double> targetLoads) {
        double rho = offeredLoad(input.scenario().jobs(), capacity(input.scenario().cluster()));
        List<Double> factors = new ArrayList<>();
        for (double target : targetLoads) {
            if (!(target > 0) || Double.isInfinite(target)) throw new IllegalArgumentException("load " + target + "; must be > 0");
            factors.add(target / rho);
        }
        SweepAxes axes = new SweepAxes(policies, List.of(), List.of(), List.of(), List.of(), List.of(), factors, List.of());
        return new SweepSpec("saturation-" + input.name(), "saturation curve", input.source().toAbsolutePath(), List.of(input), axes);
    }

    /**
     * Parses {@code FROM:TO:STEP} (inclusive: 0.5:1.0:0.05 is 11 values) or a comma list {@code 0.5,0.7,0.9}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<Double> parseLoads(String text) {
        String t = text.strip();
        List<Double> out = new ArrayList<>();
        try {
            if (t.contains(":")) {
                String[] p = t.split(":", -1);
                if (p.length != 3) throw new IllegalArgumentException("\"" + text + "\": give FROM:TO:STEP, e.g. 0.5:1.0:0.05");
                double from = Double.parseDouble(p[0]), to = Double.parseDouble(p[1]), step = Double.parseDouble(p[2]);
                if (!(step > 0)) throw new IllegalArgumentException("\"" + text + "\": STEP is " + p[2] + "; must be > 0");
                if (!(to >= from)) throw new IllegalArgumentException("\"" + text + "\": TO must be ≥ FROM");
                long n = Math.round(Math.floor((to - from) / step + 1e-9)) + 1;
                if (n > 10_000) throw new IllegalArgumentException("\"" + text + "\": " + n + " points; at most 10000");
                for (long i = 0; i < n; i++) out.add(Math.round((from + i * step) * 1e9) / 1e9);
            } else {
                for (String s : t.split(",")) out.add(Double.parseDouble(s.strip()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": not a number list (" + e.getMessage() + "); give FROM:TO:STEP or a,b,c");
        }
        for (double v : out) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("\"" + text + "\": load " + v + "; loads must be > 0");
        }
        if (out.isEmpty()) throw new IllegalArgumentException("\"" + text + "\": no load");
        return List.copyOf(out);
    }

    /** Where a saturation point came from: the target offered load of a variant (its factor × the workload's own load). */
    public static double targetLoad(Variant v, double ownLoad) {
        return v.load() == null ? ownLoad : Math.round(v.load() * ownLoad * 1e9) / 1e9;
    }
}
