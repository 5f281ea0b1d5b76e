package org.preemptlab.priority;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One job's priority and its factors, like {@code sprio}: each factor normalised (0..1, or the raw
 * value under a {@code NO_NORMAL_*} flag) and weighted (factor × weight), the nice value, and the
 * total Slurm stores: Σ weighted − nice, at least 1, at most 2<sup>32</sup>−1, truncated to an
 * integer. The site factor is always 0 (no job_submit plugin is modelled).
 *
 * @param jobId      the job
 * @param partition  the partition the priority is for (Slurm keeps one per partition of a multi-partition job)
 * @param normalized the factors before weighting
 * @param weighted   the factors times their weights
 * @param nice       the job's nice value
 * @param priority   the job priority
 */
public record PriorityFactors(long jobId, String partition, Factors normalized, Factors weighted, long nice, long priority) {

    /**
     * The nine factors (site is 0).
     *
     * @param tres per TRES name; {@link #tresSum()} is the TRES term
     */
    public record Factors(double age, double assoc, double fairshare, double jobSize, double partition, double qos,
                          Map<String, Double> tres) {
        public Factors {
            tres = Map.copyOf(new TreeMap<>(Objects.requireNonNull(tres, "tres")));
        }

        public double tresSum() {
            double s = 0;
            for (double v : new TreeMap<>(tres).values()) s += v;
            return s;
        }

        /** age + assoc + fairshare + jobSize + partition + qos + TRES. */
        public double sum() {
            return age + assoc + fairshare + jobSize + partition + qos + tresSum();
        }
    }

    /** The header of {@link #sprioLine()}. */
    public static final String SPRIO_HEADER = String.format("%10s %-10s %10s %6s %10s %10s %10s %10s %10s %10s %6s %s",
            "JOBID", "PARTITION", "PRIORITY", "SITE", "AGE", "ASSOC", "FAIRSHARE", "JOBSIZE", "PARTITION", "QOS", "NICE", "TRES");

    /**
     * The line {@code sprio -l} would print: weighted factors rounded to whole numbers (sprio prints
     * them without decimals), TRES as {@code name=value} pairs.
     */
    public String sprioLine() {
        StringBuilder tres = new StringBuilder();
        new TreeMap<>(weighted.tres).forEach((k, v) -> {
            if (tres.length() > 0) tres.append(',');
            tres.append(k).append('=').append(Math.round(v));
        });
        return String.format("%10d %-10s %10d %6d %10d %10d %10d %10d %10d %10d %6d %s", jobId,
                partition == null ? "" : partition, priority, 0, Math.round(weighted.age), Math.round(weighted.assoc),
                Math.round(weighted.fairshare), Math.round(weighted.jobSize), Math.round(weighted.partition),
                Math.round(weighted.qos), nice, tres);
    }
}
