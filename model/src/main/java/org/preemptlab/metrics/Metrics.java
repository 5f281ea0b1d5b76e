package org.preemptlab.metrics;

import java.util.Map;

/**
 * The figures of one run; definitions in README.md ("Metrics"). Times in seconds, work in
 * processor(core)-seconds.
 */
public record Metrics(
        int jobs,
        int completedJobs,
        double meanWaitSeconds,
        double medianWaitSeconds,
        double p95WaitSeconds,
        double meanResponseSeconds,
        double meanBoundedSlowdown,
        double utilization,
        double meanQueueLength,
        long makespanSeconds,
        double preemptedJobShare,
        Map<String, Integer> preemptionsByMechanism,
        Map<String, Integer> jobsPreemptedByMechanism,
        double lostWorkProcSeconds,
        double checkpointOverheadProcSeconds,
        long checkpoints,
        double checkpointsPerNodeDay,
        double wastedShare,
        int killedJobs,
        Map<String, ClassMetrics> byClass,
        double wallSeconds) {

    /** Per QOS class: how owners and borrowers fared. */
    public record ClassMetrics(int jobs, double meanWaitSeconds, double maxWaitSeconds, double meanBoundedSlowdown,
            double preemptedShare) {}
}
