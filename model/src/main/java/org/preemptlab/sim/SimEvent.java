package org.preemptlab.sim;

/** Something that happens at an instant of simulated time. */
public sealed interface SimEvent permits SimEvent.JobEnd, SimEvent.JobFailed, SimEvent.CheckpointDone, SimEvent.GraceExpired,
        SimEvent.NodeFail, SimEvent.NodeRepair, SimEvent.MaintenanceStart, SimEvent.MaintenanceEnd,
        SimEvent.PeriodicCheckpoint, SimEvent.JobSubmit, SimEvent.Wakeup, SimEvent.Observed {

    long time();

    EventKind kind();

    /** The job's work completes (segment identifies the run it belongs to; stale ones are ignored). */
    record JobEnd(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_END; }
    }

    /** The job's processes ended without finishing their work (reported by a live backend). */
    record JobFailed(long time, int job, int segment, String detail) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_FAILED; }
    }

    /** A checkpoint image is fully written (version guards against rescheduled I/O). */
    record CheckpointDone(long time, int job, int version) implements SimEvent {
        public EventKind kind() { return EventKind.CHECKPOINT_DONE; }
    }

    /** The GraceTime after a stop signal ran out: the job is forced off its nodes. */
    record GraceExpired(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.GRACE_EXPIRED; }
    }

    record NodeFail(long time, int node) implements SimEvent {
        public EventKind kind() { return EventKind.NODE_FAIL; }
    }

    record NodeRepair(long time, int node) implements SimEvent {
        public EventKind kind() { return EventKind.NODE_REPAIR; }
    }

    record MaintenanceStart(long time, int window) implements SimEvent {
        public EventKind kind() { return EventKind.MAINTENANCE_START; }
    }

    record MaintenanceEnd(long time, int window) implements SimEvent {
        public EventKind kind() { return EventKind.MAINTENANCE_END; }
    }

    /** A running job reached its next periodic checkpoint. */
    record PeriodicCheckpoint(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.PERIODIC_CHECKPOINT; }
    }

    record JobSubmit(long time, int job) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_SUBMIT; }
    }

    /** What a live backend saw happen to a job's processes (recorded in the log as it really happened). */
    record Observed(long time, int job, String what, String detail) implements SimEvent {
        public EventKind kind() { return EventKind.OBSERVED; }
    }

    /** A policy asked to be called again at this time. */
    record Wakeup(long time) implements SimEvent {
        public EventKind kind() { return EventKind.WAKEUP; }
    }
}
