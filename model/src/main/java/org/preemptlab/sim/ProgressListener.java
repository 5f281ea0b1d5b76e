package org.preemptlab.sim;

/** Told how many jobs have ended, now and then during a run. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> {};

    void progress(long jobsDone, long jobsTotal);
}
