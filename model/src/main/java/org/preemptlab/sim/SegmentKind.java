package org.preemptlab.sim;

/** What a stretch of a job's history on the Gantt shows. */
public enum SegmentKind {
    /** In the queue (drawn in the queue lane). */
    WAITING,
    /** Computing on its nodes. */
    RUNNING,
    /** Reading its checkpoint image after a restart: nodes busy, no progress yet. */
    RESTARTING,
    /** Stopped with SIGSTOP: memory held, cores free. */
    SUSPENDED,
    /** Writing a checkpoint image: nodes busy, no progress. */
    CHECKPOINTING,
    /** Signalled, inside its GraceTime before the forced stop. */
    STOPPING,
    /** Work that was done and then lost by a kill or a failure (red overlay over earlier running time). */
    LOST
}
