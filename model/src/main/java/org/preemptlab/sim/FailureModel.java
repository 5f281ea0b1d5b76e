package org.preemptlab.sim;

import org.preemptlab.preempt.CheckpointPeriod;

/**
 * Random node failures: each node fails after an exponential time with mean {@code nodeMtbfSeconds}
 * (seeded), stays down {@code repairSeconds}, and the jobs on it are killed (work since their last
 * checkpoint lost; requeued if rerunnable). With {@code periodic} Young or Daly, jobs that set no
 * checkpoint interval of their own checkpoint at the interval computed from their checkpoint cost
 * and their mean time to interrupt (node MTBF / their nodes).
 */
public record FailureModel(double nodeMtbfSeconds, long repairSeconds, long seed, CheckpointPeriod periodic) {

    public static final FailureModel NONE = new FailureModel(0, 0, 0);

    /**
     * The most node failures a run may expect (nodes × the longest failure-free run ÷ node MTBF): a
     * scenario expecting more is refused where it is read (docs/scenario-format.md), not left to run
     * for hours.
     */
    public static final long MAX_EXPECTED_FAILURES = 100_000;

    /**
     * The most failures a rerunnable job may expect while it runs without a checkpoint (its nodes × its
     * run time, or its own checkpoint interval, ÷ node MTBF): beyond that it would almost never finish
     * (it gets through with probability e^-x per attempt, e^-5 ≈ 1/148).
     */
    public static final double MAX_FAILURES_PER_RUN = 5;

    /** Failures without periodic checkpoints. */
    public FailureModel(double nodeMtbfSeconds, long repairSeconds, long seed) {
        this(nodeMtbfSeconds, repairSeconds, seed, CheckpointPeriod.NONE);
    }

    public FailureModel withPeriodic(CheckpointPeriod period) {
        return new FailureModel(nodeMtbfSeconds, repairSeconds, seed, period);
    }

    public FailureModel {
        periodic = periodic == null ? CheckpointPeriod.NONE : periodic;
        if (nodeMtbfSeconds < 0) throw new IllegalArgumentException("nodeMtbfSeconds is " + nodeMtbfSeconds + "; must be ≥ 0");
        if (repairSeconds < 0) throw new IllegalArgumentException("repairSeconds is " + repairSeconds + "; must be ≥ 0");
    }

    public boolean enabled() {
        return nodeMtbfSeconds > 0;
    }
}
