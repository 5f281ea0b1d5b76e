package org.preemptlab.live;

/** What a live backend saw happen to a job's real processes (or Slurm job). */
public enum ObservedKind {
    /** The job's processes were launched (detail: pid / Slurm job id). */
    STARTED("started"),
    /** Every process of the job is stopped (state T), or Slurm reports SUSPENDED. */
    STOPPED("stopped"),
    /** The job's processes run again after a stop. */
    CONTINUED("continued"),
    /** The job's checkpoint (state) file was written. */
    CHECKPOINT_WRITTEN("checkpoint-written"),
    /** The job did not write its checkpoint within the timeout. */
    CHECKPOINT_TIMEOUT("checkpoint-timeout"),
    /** A stop signal (SIGTERM, scancel, requeue) was sent. */
    SIGNALLED("signalled"),
    /** The job's main process exited (exit code in the observation). */
    EXITED("exited"),
    /** Everything of the job is gone after a kill (detail: how). */
    ENDED("ended"),
    /** The backend waits for the cluster (Slurm PENDING, requeued) — informative. */
    PENDING("pending");

    private final String label;

    ObservedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
