package org.preemptlab.sim;

/**
 * Random node failures: each node fails after an exponential time with mean {@code nodeMtbfSeconds}
 * (seeded), stays down {@code repairSeconds}, and the jobs on it are killed (work since their last
 * checkpoint lost; requeued if rerunnable).
 */
public record FailureModel(double nodeMtbfSeconds, long repairSeconds, long seed) {

    public static final FailureModel NONE = new FailureModel(0, 0, 0);

    public FailureModel {
        if (nodeMtbfSeconds < 0) throw new IllegalArgumentException("nodeMtbfSeconds is " + nodeMtbfSeconds + "; must be ≥ 0");
        if (repairSeconds < 0) throw new IllegalArgumentException("repairSeconds is " + repairSeconds + "; must be ≥ 0");
    }

    public boolean enabled() {
        return nodeMtbfSeconds > 0;
    }
}
