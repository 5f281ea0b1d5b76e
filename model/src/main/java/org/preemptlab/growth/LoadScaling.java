package org.preemptlab.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.preemptlab.job.JobSpec;

/**
 * The standard ways to make a workload (a trace or a generated one) heavier or lighter, each a pure
 * function of the jobs. Scaled jobs lose their original SWF fields (they no longer describe them).
 * <ul>
 *   <li>{@link #arrivals}: arrival rate × k — every gap between submissions divided by k (the first
 *       submission stays); offered load × k, the job mix unchanged;</li>
 *   <li>{@link #runtimes}: run times × k, estimates alike (rounded, estimates ≥ 1);</li>
 *   <li>{@link #sizes}: sizes × k, rounded, between 1 and the machine;</li>
 *   <li>{@link #duplicateUsers}: every job k times (copy j of job J in group "J's group#j"), as if
 *       k times as many users with the same habits submitted: load × k, burstier arrivals.</li>
 * </ul>
 */
public final class LoadScaling {

    private LoadScaling() {}

    /** Arrival rate × k: submit' = first + (submit − first) / k. */
    public static List<JobSpec> arrivals(List<JobSpec> jobs, double k) {
        positive("k", k);
        if (jobs.isEmpty()) return List.of();
        long first = Long.MAX_VALUE;
        for (JobSpec j : jobs) first = Math.min(first, j.submit());
        List<JobSpec> out = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            long submit = first + Math.round((j.submit() - first) / k);
            out.add(j.toBuilder().submit(submit).swf(null).build());
        }
        return out;
    }

    /** Run times and estimates × k, rounded (estimates at least 1 s). */
    public static List<JobSpec> runtimes(List<JobSpec> jobs, double k) {
        positive("k", k);
        List<JobSpec> out = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            out.add(j.toBuilder().runtime(Math.round(j.runtime() * k)).estimate(Math.max(1, Math.round(j.estimate() * k)))
                    .swf(null).build());
        }
        return out;
    }

    /** Sizes (nodes, or processors of a processor machine) × k, rounded, within [1, maxNodes]. */
    public static List<JobSpec> sizes(List<JobSpec> jobs, double k, int maxNodes) {
        positive("k", k);
        if (maxNodes < 1) throw new IllegalArgumentException("maxNodes is " + maxNodes + "; must be ≥ 1");
        List<JobSpec> out = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            long n = Math.max(1, Math.min(maxNodes, Math.round(j.nodes() * k)));
            out.add(j.toBuilder().nodes((int) n).swf(null).build());
        }
        return out;
    }

    /**
     * Every job {@code k} times: the original and k − 1 copies submitted at the same time, copy j of
     * job i getting id i + j·(largest id) and name "name#j", group "group#j". Sorted by submission
     * (ties: id).
     */
    public static List<JobSpec> duplicateUsers(List<JobSpec> jobs, int k) {
        if (k < 1) throw new IllegalArgumentException("k is " + k + "; must be ≥ 1");
        if (k == 1) return List.copyOf(jobs);
        long maxId = 0;
        for (JobSpec j : jobs) maxId = Math.max(maxId, j.id());
        if (maxId * k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("k is " + k + "; " + k + " copies of job ids up to " + maxId + " do not fit an int");
        }
        List<JobSpec> out = new ArrayList<>(jobs.size() * k);
        for (JobSpec j : jobs) {
            out.add(j);
            for (int c = 1; c < k; c++) {
                String group = (j.group().isEmpty() ? "user" : j.group()) + "#" + c;
                out.add(j.toBuilder().id((int) (j.id() + c * maxId)).name(j.name() + "#" + c).group(group).swf(null).build());
            }
        }
        out.sort(Comparator.comparingLong(JobSpec::submit).thenComparingInt(JobSpec::id));
        return out;
    }

    private static void positive(String name, double k) {
        if (!(k > 0) || Double.isInfinite(k)) throw new IllegalArgumentException(name + " is " + k + "; must be > 0 and finite");
    }
}
