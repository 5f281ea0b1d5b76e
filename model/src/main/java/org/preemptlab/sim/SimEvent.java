package org.preemptlab.sim;

/** Something that happens at an instant of simulated time. */
public sealed interface SimEvent permits SimEvent.JobEnd, SimEvent.JobFailed, SimEvent.CheckpointDone, SimEvent.GraceExpired,
        SimEvent.NodeFail, SimEvent.NodeRepair, SimEvent.MaintenanceStart, SimEvent.MaintenanceEnd,
        SimEvent.PeriodicCheckpoint, SimEvent.JobSubmit, SimEvent.Wakeup, SimEvent.Observed, SimEvent.TimeSlice {

    long time();

    EventKind kind();

    /** Hands the event to the handler's method for its kind (each kind has one; there is no other way in). */
    void applyTo(Handler handler);

    /** What the engine does for each kind of event. */
    interface Handler {
        void jobEnd(JobEnd e);

        void jobFailed(JobFailed e);

        void checkpointDone(CheckpointDone e);

        void graceExpired(GraceExpired e);

        void nodeFail(NodeFail e);

        void nodeRepair(NodeRepair e);

        void maintenanceStart(MaintenanceStart e);

        void maintenanceEnd(MaintenanceEnd e);

        void periodicCheckpoint(PeriodicCheckpoint e);

        void jobSubmit(JobSubmit e);

        void wakeup(Wakeup e);

        void observed(Observed e);

        void timeSlice(TimeSlice e);
    }

    /** The job's work completes (segment identifies the run it belongs to; stale ones are ignored). */
    record JobEnd(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_END; }
        public void applyTo(Handler h) { h.jobEnd(this); }
    }

    /** The job's processes ended without finishing their work (reported by a live backend). */
    record JobFailed(long time, int job, int segment, String detail) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_FAILED; }
        public void applyTo(Handler h) { h.jobFailed(this); }
    }

    /** A checkpoint image is fully written (version guards against rescheduled I/O). */
    record CheckpointDone(long time, int job, int version) implements SimEvent {
        public EventKind kind() { return EventKind.CHECKPOINT_DONE; }
        public void applyTo(Handler h) { h.checkpointDone(this); }
    }

    /** The GraceTime after a stop signal ran out: the job is forced off its nodes. */
    record GraceExpired(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.GRACE_EXPIRED; }
        public void applyTo(Handler h) { h.graceExpired(this); }
    }

    record NodeFail(long time, int node) implements SimEvent {
        public EventKind kind() { return EventKind.NODE_FAIL; }
        public void applyTo(Handler h) { h.nodeFail(this); }
    }

    record NodeRepair(long time, int node) implements SimEvent {
        public EventKind kind() { return EventKind.NODE_REPAIR; }
        public void applyTo(Handler h) { h.nodeRepair(this); }
    }

    record MaintenanceStart(long time, int window) implements SimEvent {
        public EventKind kind() { return EventKind.MAINTENANCE_START; }
        public void applyTo(Handler h) { h.maintenanceStart(this); }
    }

    record MaintenanceEnd(long time, int window) implements SimEvent {
        public EventKind kind() { return EventKind.MAINTENANCE_END; }
        public void applyTo(Handler h) { h.maintenanceEnd(this); }
    }

    /** A running job reached its next periodic checkpoint. */
    record PeriodicCheckpoint(long time, int job, int segment) implements SimEvent {
        public EventKind kind() { return EventKind.PERIODIC_CHECKPOINT; }
        public void applyTo(Handler h) { h.periodicCheckpoint(this); }
    }

    record JobSubmit(long time, int job) implements SimEvent {
        public EventKind kind() { return EventKind.JOB_SUBMIT; }
        public void applyTo(Handler h) { h.jobSubmit(this); }
    }

    /** What a live backend saw happen to a job's processes (recorded in the log as it really happened). */
    record Observed(long time, int job, String what, String detail) implements SimEvent {
        public EventKind kind() { return EventKind.OBSERVED; }
        public void applyTo(Handler h) { h.observed(this); }
    }

    /** A policy asked to be called again at this time. */
    record TimeSlice(long time) implements SimEvent {
        public EventKind kind() { return EventKind.TIME_SLICE; }
        public void applyTo(Handler h) { h.timeSlice(this); }
    }

    record Wakeup(long time) implements SimEvent {
        public EventKind kind() { return EventKind.WAKEUP; }
        public void applyTo(Handler h) { h.wakeup(this); }
    }
}
