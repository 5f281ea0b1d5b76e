package org.preemptlab.sim;

/** Told how many jobs have ended, now and then during a run. */
@FunctionalInterface
public interface ProgressListener {

    /** Says nothing. A class, not a lambda: a one-shot command links no lambda (no method-handle machinery to start). */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(long jobsDone, long jobsTotal) {
        }
    };

    void progress(long jobsDone, long jobsTotal);
}
