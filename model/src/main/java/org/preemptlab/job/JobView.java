package org.preemptlab.job;


/** A read-only look at one job's current state, as policies see it. */
public interface JobView {

    JobSpec spec();

    /** Index of the job in this run (0-based, in submission order). */
    int index();

    default int id() {
        return spec().id();
    }

    default String name() {
        return spec().name();
    }

    JobState state();

    /** Priority tier of its QOS (higher runs first); 0 unless a preemption policy sets tiers. */
    int tier();

    /** Start of the current running segment, or -1. */
    long segmentStart();

    /** Where it runs (or, suspended, where it holds memory), or null. */
    Placement placement();

    /** Useful work done so far, s (progress made in the current segment included up to its start). */
    long workDone();

    /** Work saved by its last checkpoint, s; a restart resumes from here. */
    long savedWork();

    /** Seconds of restart I/O the next (or current) start costs before useful work resumes. */
    long restartCost();

    /** Work the user's estimate still allows, s: estimate − saved work, at least 1. */
    default long remainingEstimate() {
        return Math.max(1, spec().estimate() - savedWork());
    }

    /**
     * The end of the current segment by the estimate (what schedulers plan with); for a waiting job,
     * the wall time it would ask for if started now (restart cost + remaining estimate).
     */
    long estimatedEnd();

    /** Wall time it asks for if started now: restart cost + remaining estimate. */
    default long requestedWalltime() {
        return restartCost() + remainingEstimate();
    }

    /** How many times it was preempted (any mechanism). */
    int timesPreempted();

    /** How many checkpoints (periodic or preemptive) it wrote. */
    int timesCheckpointed();
}
