package org.preemptlab.backend;

/** What a backend reports to the engine. */
public interface BackendEvents {

    /** The job's work in segment {@code segment} completes at {@code time}. */
    void workDone(int jobIndex, int segment, long time);
}
