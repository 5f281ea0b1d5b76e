package org.preemptlab.sim;

import java.util.List;
import org.preemptlab.cluster.Cluster;

/**
 * The outcome of a run: every job's record, the timeline, and the raw sums metrics are built from.
 *
 * @param queueArea  ∫ (number of waiting jobs) dt over [queueFrom, endTime]
 * @param slurm      what a run on a Slurm (version-2) cluster adds (pending reasons, priorities), or null
 */
public record SimulationResult(Cluster cluster, String policy, List<JobRun> jobs, Timeline timeline, double queueArea,
        long queueFrom, long endTime, long passes, long wallNanos, SlurmRunRecord slurm) {

    /** The result of a run without a Slurm site. */
    public SimulationResult(Cluster cluster, String policy, List<JobRun> jobs, Timeline timeline, double queueArea,
            long queueFrom, long endTime, long passes, long wallNanos) {
        this(cluster, policy, jobs, timeline, queueArea, queueFrom, endTime, passes, wallNanos, null);
    }

    public JobRun job(int index) {
        return jobs.get(index);
    }
}
