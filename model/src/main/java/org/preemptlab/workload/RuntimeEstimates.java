package org.preemptlab.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.preemptlab.job.JobSpec;

/**
 * User run-time estimates after D. Tsafrir, Y. Etsion and D. G. Feitelson, "Modeling user runtime
 * estimates", JSSPP 2005, LNCS 3834, pp. 1–35: users do not estimate freely but pick a few round
 * "modal" values (15 min, 30 min, 1 h, 2 h, 4 h, 18 h, …, up to the queue's limit), and a sizeable
 * share of jobs run until their estimate kills them.
 *
 * <p>This implementation: a job that does not hit its limit gets a modal value ≥ its run time,
 * drawn with the modes' weights restricted to those values; with probability {@code limitShare}
 * a job at least as long as the smallest mode hits its limit instead: its estimate is the largest
 * mode ≤ its run time, and its run time becomes that estimate (it was killed there). A job longer
 * than the largest mode always hits it. Estimates are therefore always ≥ run times.
 *
 * <p>The {@link #DEFAULT} modes are the popular values the paper reports; their weights and the
 * limit share are not the paper's fitted values (which this implementation could not obtain) but
 * measured here on SDSC-BLUE-2000-4.2-cln (the share of each requested time among the 232,562 jobs,
 * the 13 values below covering 84.4 %, 7140 s counted as 7200 s; 10.3 % of jobs ran until their request), renormalised over the
 * modes; docs/workload-models.md shows the measurement.
 *
 * @param modes      the modal estimates, s, strictly increasing, ≥ 1
 * @param weights    their relative popularity, ≥ 0, not all 0
 * @param limitShare probability that a job runs until its estimate, in [0, 1]
 */
public record RuntimeEstimates(long[] modes, double[] weights, double limitShare) {

    public static final RuntimeEstimates DEFAULT = new RuntimeEstimates(
            new long[] {300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 36000, 64800, 129600},
            new double[] {0.0255, 0.0416, 0.1665, 0.0239, 0.1930, 0.0470, 0.2653, 0.0173, 0.0153, 0.0092, 0.0083, 0.0207, 0.0106},
            0.103);

    public RuntimeEstimates {
        modes = modes.clone();
        weights = weights.clone();
        if (modes.length == 0 || modes.length != weights.length) {
            throw new IllegalArgumentException("modes and weights: " + modes.length + " and " + weights.length
                    + " values; need the same number, ≥ 1");
        }
        double total = 0;
        for (int i = 0; i < modes.length; i++) {
            if (modes[i] < 1 || (i > 0 && modes[i] <= modes[i - 1])) {
                throw new IllegalArgumentException("modes[" + i + "]: " + modes[i] + "; modes must be ≥ 1 and strictly increasing");
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "]: " + weights[i] + "; must be ≥ 0");
            }
            total += weights[i];
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights: all 0; at least one must be > 0");
        if (!(limitShare >= 0 && limitShare <= 1)) throw new IllegalArgumentException("limitShare is " + limitShare + "; must be in [0, 1]");
    }

    @Override
    public long[] modes() {
        return modes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** A job's estimate and (possibly cut) run time. */
    public record Estimated(long estimate, long runtime) {}

    /** The estimate of a job of this run time, and its run time (cut to the estimate if it hits its limit). */
    public Estimated draw(long runtime, SplittableRandom random) {
        int n = modes.length;
        if (runtime > modes[n - 1]) return new Estimated(modes[n - 1], modes[n - 1]);
        double u = random.nextDouble();
        if (runtime >= modes[0] && u < limitShare) {
            int i = n - 1;
            while (modes[i] > runtime) i--;
            return new Estimated(modes[i], modes[i]);
        }
        int first = 0;
        while (modes[first] < runtime) first++;
        double total = 0;
        for (int i = first; i < n; i++) total += weights[i];
        if (total <= 0) return new Estimated(modes[first], runtime);
        double x = random.nextDouble() * total;
        for (int i = first; i < n; i++) {
            x -= weights[i];
            if (x < 0) return new Estimated(modes[i], runtime);
        }
        return new Estimated(modes[n - 1], runtime);
    }

    /** Every job with an estimate from this model (run times cut where a job hits its limit); seeded. */
    public List<JobSpec> apply(List<JobSpec> jobs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JobSpec> out = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            Estimated e = draw(j.runtime(), random);
            out.add(j.toBuilder().estimate(Math.max(1, e.estimate())).runtime(e.runtime()).swf(null).build());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuntimeEstimates r && Arrays.equals(modes, r.modes) && Arrays.equals(weights, r.weights)
                && limitShare == r.limitShare;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(modes) + Arrays.hashCode(weights) + Double.hashCode(limitShare);
    }

    @Override
    public String toString() {
        return "RuntimeEstimates[modes=" + Arrays.toString(modes) + ", limitShare=" + limitShare + "]";
    }
}
