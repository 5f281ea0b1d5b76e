package org.preemptlab.job;

/** Where a job is in its life. */
public enum JobState {
    /** Not yet submitted (its submit time lies ahead). */
    PENDING,
    /** Submitted, waiting in the queue (also after a requeue or a checkpoint). */
    QUEUED,
    /** Holding its nodes and computing (or reading its restart image). */
    RUNNING,
    /** Stopped by SIGSTOP: cores free, memory still held on its nodes. */
    SUSPENDED,
    /** Writing a checkpoint image: nodes still busy, no progress. */
    CHECKPOINTING,
    /** Signalled to stop, inside its GraceTime. */
    STOPPING,
    /** Finished all its work. */
    COMPLETED,
    /** Killed by preemption and not rerunnable: its work is lost. */
    PREEMPTED_KILLED,
    /** Killed by a node failure and not rerunnable. */
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == PREEMPTED_KILLED || this == FAILED;
    }

    /** True while the job holds cores on nodes. */
    public boolean holdsCores() {
        return this == RUNNING || this == CHECKPOINTING || this == STOPPING;
    }
}
