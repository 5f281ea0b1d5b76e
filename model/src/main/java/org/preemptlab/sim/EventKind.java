package org.preemptlab.sim;

/**
 * Kinds of engine events, in the order they are applied when they fall on the same instant
 * (then by insertion). All events of an instant are applied before the one scheduling pass.
 */
public enum EventKind {
    JOB_END,
    JOB_FAILED,
    CHECKPOINT_DONE,
    GRACE_EXPIRED,
    NODE_FAIL,
    NODE_REPAIR,
    MAINTENANCE_END,
    MAINTENANCE_START,
    PERIODIC_CHECKPOINT,
    JOB_SUBMIT,
    WAKEUP,
    OBSERVED,
    /** The gang scheduler's timeslicer wakes (every SchedulerTimeSlice while a job waits its turn). */
    TIME_SLICE
}
