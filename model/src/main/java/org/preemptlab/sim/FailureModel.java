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
     * The most node failures a run simulates: a hundred times what a scenario may expect
     * ({@link #MAX_EXPECTED_FAILURES}). A run that gets there has its waiting jobs kept from starting by the
     * failures themselves (a job that needs every node up at once, with repairs as long as the time between
     * failures): the engine stops it with an error rather than simulating failures for ever.
     */
    public static final long MAX_SIMULATED_FAILURES = 100 * MAX_EXPECTED_FAILURES;

    /**
     * The latest simulated time a run with failures reaches, s: ten times {@link org.preemptlab.time.SimTime#MAX_SECONDS}
     * (1,000 years). Every time read is at most 100 years; a run with failures that gets past this is kept going by
     * the failures alone, and the engine stops it with an error.
     */
    public static final long MAX_RUN_SECONDS = 10 * org.preemptlab.time.SimTime.MAX_SECONDS;

    /** {@link #MAX_RUN_SECONDS} for people. */
    public static final String MAX_RUN_TEXT = "1,000 years";

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

    /**
     * The most nodes (processors of a processor machine) failures can be drawn for: each node has its
     * next failure pending as an event, so their cost grows with the nodes.
     */
    public static final int MAX_NODES = 1_000_000;

    public boolean enabled() {
        return nodeMtbfSeconds > 0;
    }
}
