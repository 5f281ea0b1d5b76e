package org.preemptlab.backend;

import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * Enacts the engine's decisions on nodes: the emulator, local processes, or a Slurm cluster.
 * The engine decides and keeps the books; the backend makes it happen and reports back through
 * {@link BackendEvents} when a job's work is really done.
 */
public interface NodeBackend {

    /** Called once before the run, with the sink for what the backend observes. */
    void attach(BackendEvents events);

    /**
     * Launches (or relaunches from its checkpoint) a job on the placement.
     *
     * @param segment     the engine's segment number for this run of the job
     * @param restartCost seconds of restart I/O before useful work resumes
     * @param workLeft    seconds of useful work the job still needs (the emulator knows; live backends observe)
     */
    void start(JobView job, Placement placement, long now, int segment, long restartCost, long workLeft);

    /** Stops the job's processes (SIGSTOP); they keep their memory. */
    void suspend(JobView job, long now);

    /** Continues a suspended job (SIGCONT) as a new segment with {@code workLeft} seconds to go. */
    void resume(JobView job, long now, int segment, long workLeft);

    /** Asks the job to write its checkpoint (SIGUSR1 contract, or scontrol); it keeps running meanwhile. */
    void checkpoint(JobView job, long now);

    /** Ends the job's processes (SIGTERM, then SIGKILL after the grace time). */
    void kill(JobView job, long now);

    /** Ends everything this backend started. */
    default void close() {}

    /** A short name for logs: {@code emulated}, {@code local}, {@code slurm}. */
    String name();

    /**
     * True when jobs run for real and the backend reports their ends as it sees them (a job's work is
     * what its processes did; the run may wait with nothing scheduled for a report to come); false
     * when it emulates exactly the recorded work (a job ends after exactly its run time, and a run
     * with nothing left to happen is stuck).
     */
    boolean isLive();
}
