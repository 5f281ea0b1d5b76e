package org.preemptlab.metrics;

import java.util.Map;

/**
 * The figures of one run; definitions in docs/metrics.md. Times in seconds, work in
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

    /** A builder holding this run's figures's values, to change some of them: {@code x.toBuilder().name(v).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy of a Metrics with some values changed. Every component has a setter of its name; a test
     * checks by reflection that each one changes exactly its component, so a new component cannot be
     * forgotten here.
     */
    public static final class Builder {
        private int jobs;
        private int completedJobs;
        private double meanWaitSeconds;
        private double medianWaitSeconds;
        private double p95WaitSeconds;
        private double meanResponseSeconds;
        private double meanBoundedSlowdown;
        private double utilization;
        private double meanQueueLength;
        private long makespanSeconds;
        private double preemptedJobShare;
        private Map<String, Integer> preemptionsByMechanism;
        private Map<String, Integer> jobsPreemptedByMechanism;
        private double lostWorkProcSeconds;
        private double checkpointOverheadProcSeconds;
        private long checkpoints;
        private double checkpointsPerNodeDay;
        private double wastedShare;
        private int killedJobs;
        private Map<String, ClassMetrics> byClass;
        private double wallSeconds;

        private Builder(Metrics from) {
            jobs = from.jobs();
            completedJobs = from.completedJobs();
            meanWaitSeconds = from.meanWaitSeconds();
            medianWaitSeconds = from.medianWaitSeconds();
            p95WaitSeconds = from.p95WaitSeconds();
            meanResponseSeconds = from.meanResponseSeconds();
            meanBoundedSlowdown = from.meanBoundedSlowdown();
            utilization = from.utilization();
            meanQueueLength = from.meanQueueLength();
            makespanSeconds = from.makespanSeconds();
            preemptedJobShare = from.preemptedJobShare();
            preemptionsByMechanism = from.preemptionsByMechanism();
            jobsPreemptedByMechanism = from.jobsPreemptedByMechanism();
            lostWorkProcSeconds = from.lostWorkProcSeconds();
            checkpointOverheadProcSeconds = from.checkpointOverheadProcSeconds();
            checkpoints = from.checkpoints();
            checkpointsPerNodeDay = from.checkpointsPerNodeDay();
            wastedShare = from.wastedShare();
            killedJobs = from.killedJobs();
            byClass = from.byClass();
            wallSeconds = from.wallSeconds();
        }

        public Builder jobs(int v) {
            jobs = v;
            return this;
        }

        public Builder completedJobs(int v) {
            completedJobs = v;
            return this;
        }

        public Builder meanWaitSeconds(double v) {
            meanWaitSeconds = v;
            return this;
        }

        public Builder medianWaitSeconds(double v) {
            medianWaitSeconds = v;
            return this;
        }

        public Builder p95WaitSeconds(double v) {
            p95WaitSeconds = v;
            return this;
        }

        public Builder meanResponseSeconds(double v) {
            meanResponseSeconds = v;
            return this;
        }

        public Builder meanBoundedSlowdown(double v) {
            meanBoundedSlowdown = v;
            return this;
        }

        public Builder utilization(double v) {
            utilization = v;
            return this;
        }

        public Builder meanQueueLength(double v) {
            meanQueueLength = v;
            return this;
        }

        public Builder makespanSeconds(long v) {
            makespanSeconds = v;
            return this;
        }

        public Builder preemptedJobShare(double v) {
            preemptedJobShare = v;
            return this;
        }

        public Builder preemptionsByMechanism(Map<String, Integer> v) {
            preemptionsByMechanism = v;
            return this;
        }

        public Builder jobsPreemptedByMechanism(Map<String, Integer> v) {
            jobsPreemptedByMechanism = v;
            return this;
        }

        public Builder lostWorkProcSeconds(double v) {
            lostWorkProcSeconds = v;
            return this;
        }

        public Builder checkpointOverheadProcSeconds(double v) {
            checkpointOverheadProcSeconds = v;
            return this;
        }

        public Builder checkpoints(long v) {
            checkpoints = v;
            return this;
        }

        public Builder checkpointsPerNodeDay(double v) {
            checkpointsPerNodeDay = v;
            return this;
        }

        public Builder wastedShare(double v) {
            wastedShare = v;
            return this;
        }

        public Builder killedJobs(int v) {
            killedJobs = v;
            return this;
        }

        public Builder byClass(Map<String, ClassMetrics> v) {
            byClass = v;
            return this;
        }

        public Builder wallSeconds(double v) {
            wallSeconds = v;
            return this;
        }

        public Metrics build() {
            return new Metrics(jobs, completedJobs, meanWaitSeconds, medianWaitSeconds, p95WaitSeconds, meanResponseSeconds, meanBoundedSlowdown, utilization, meanQueueLength, makespanSeconds, preemptedJobShare, preemptionsByMechanism, jobsPreemptedByMechanism, lostWorkProcSeconds, checkpointOverheadProcSeconds, checkpoints, checkpointsPerNodeDay, wastedShare, killedJobs, byClass, wallSeconds);
        }
    }
}
