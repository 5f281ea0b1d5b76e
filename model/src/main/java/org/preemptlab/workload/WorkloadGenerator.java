package org.preemptlab.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.preemptlab.job.JobSpec;

/**
 * A seeded synthetic job mix in processor mode: Poisson arrivals, sizes mostly powers of two
 * (as in real traces), log-uniform run times, and estimates that overstate run times by a random
 * factor up to {@code maxOverestimate}. Same parameters and seed ⇒ the same jobs.
 *
 * @param jobs              how many jobs
 * @param machineProcs      machine size; no job is larger
 * @param meanInterarrival  mean seconds between submissions
 * @param minRuntime        shortest run time, s
 * @param maxRuntime        longest run time, s
 * @param maxOverestimate   estimates are run × U(1, maxOverestimate)
 * @param seed              random seed
 */
public record WorkloadGenerator(int jobs, int machineProcs, double meanInterarrival, long minRuntime, long maxRuntime,
        double maxOverestimate, long seed) {

    public WorkloadGenerator {
        if (jobs < 0) throw new IllegalArgumentException("jobs is " + jobs + "; must be ≥ 0");
        if (machineProcs < 1) throw new IllegalArgumentException("machineProcs is " + machineProcs + "; must be ≥ 1");
        if (!(meanInterarrival > 0)) throw new IllegalArgumentException("meanInterarrival is " + meanInterarrival + "; must be > 0");
        if (minRuntime < 1 || maxRuntime < minRuntime) {
            throw new IllegalArgumentException("run times " + minRuntime + ".." + maxRuntime + "; need 1 ≤ min ≤ max");
        }
        if (!(maxOverestimate >= 1)) throw new IllegalArgumentException("maxOverestimate is " + maxOverestimate + "; must be ≥ 1");
    }

    /** A mix that loads a machine to roughly {@code load} (0..1) of its capacity. */
    public static WorkloadGenerator loaded(int jobs, int machineProcs, double load, long seed) {
        // mean size ≈ machineProcs/12 (power-of-two mix), mean run ≈ (max−min)/ln(max/min) for log-uniform
        double meanSize = Math.max(1, machineProcs / 12.0);
        double meanRun = (36_000 - 30) / Math.log(36_000 / 30.0);
        double interarrival = meanSize * meanRun / (load * machineProcs);
        return new WorkloadGenerator(jobs, machineProcs, interarrival, 30, 36_000, 5.0, seed);
    }

    public List<JobSpec> generate() {
        SplittableRandom random = new SplittableRandom(seed);
        List<JobSpec> out = new ArrayList<>(jobs);
        double t = 0;
        int maxExp = 31 - Integer.numberOfLeadingZeros(machineProcs);
        for (int i = 1; i <= jobs; i++) {
            t += -Math.log(1 - random.nextDouble()) * meanInterarrival;
            int procs;
            if (random.nextDouble() < 0.75) {
                procs = 1 << random.nextInt(Math.max(1, maxExp - 1));
            } else {
                procs = 1 + random.nextInt(Math.max(1, machineProcs / 4));
            }
            procs = Math.min(procs, machineProcs);
            long run = Math.round(Math.exp(Math.log(minRuntime) + random.nextDouble() * (Math.log(maxRuntime) - Math.log(minRuntime))));
            long estimate = Math.max(run, Math.round(run * (1 + random.nextDouble() * (maxOverestimate - 1))));
            out.add(JobSpec.ofProcessors(i, (long) t, procs, estimate, run));
        }
        return out;
    }
}
