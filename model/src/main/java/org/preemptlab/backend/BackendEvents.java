package org.preemptlab.backend;

/** What a backend reports to the engine. */
public interface BackendEvents {

    /** The job's work in segment {@code segment} completes at {@code time}. */
    void workDone(int jobIndex, int segment, long time);

    /**
     * The job's processes ended on their own without finishing (a crash, a node lost) at {@code time}:
     * the engine counts the work since its last checkpoint as lost and requeues it if it is rerunnable.
     */
    default void jobFailed(int jobIndex, int segment, long time, String detail) {
        throw new UnsupportedOperationException("job " + jobIndex + " failed: " + detail);
    }

    /**
     * Something a live backend saw happen to the job's processes at {@code time} (started, stopped,
     * continued, checkpoint written, exited with a code...), for the timeline.
     */
    default void observed(int jobIndex, long time, String what, String detail) {}
}
