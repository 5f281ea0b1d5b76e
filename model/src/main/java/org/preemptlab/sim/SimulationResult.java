package org.preemptlab.sim;

import java.util.List;
import org.preemptlab.cluster.Cluster;

/**
 * The outcome of a run: every job's record, the timeline, and the raw sums metrics are built from.
 *
 * @param queueArea  ∫ (number of waiting jobs) dt over [queueFrom, endTime]
 */
public record SimulationResult(Cluster cluster, String policy, List<JobRun> jobs, Timeline timeline, double queueArea,
        long queueFrom, long endTime, long passes, long wallNanos) {

    public JobRun job(int index) {
        return jobs.get(index);
    }
}
