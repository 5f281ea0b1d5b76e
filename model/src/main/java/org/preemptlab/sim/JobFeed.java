package org.preemptlab.sim;

import org.preemptlab.job.JobSpec;

/**
 * Jobs handed to a run while they are still being read ({@link Simulation#Simulation(SimulationConfig, JobFeed)}):
 * the engine asks for job {@code i} only when it needs the next submission, so a trace can be simulated
 * while a second thread is still reading it.
 */
@FunctionalInterface
public interface JobFeed {

    /**
     * Job {@code i} of the run (0, 1, 2, … in submit order, ties in queue order), waiting until it is
     * known; null when the run has exactly {@code i} jobs. Called with 0, 1, 2, … in turn.
     */
    JobSpec job(int i);
}
