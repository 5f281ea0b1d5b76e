package org.preemptlab.live;

import java.util.concurrent.BlockingQueue;
import org.preemptlab.backend.NodeBackend;

/**
 * A backend that enacts decisions on real processes or a real cluster and reports what it sees.
 * Its own threads (process reapers, pollers, timers) only ever put {@link Observation}s into
 * {@link #observations()}; the {@link RealTimeDriver} takes them on its thread, the engine's, and
 * hands each back to {@link #deliver}, which is the only place that calls
 * {@link org.preemptlab.backend.BackendEvents#workDone}. The engine thus stays single-threaded.
 */
public interface LiveBackend extends NodeBackend {

    /** Real processes or a real cluster: a job's work is what they report. */
    @Override
    default boolean isLive() {
        return true;
    }

    /** Called by the driver before the run with the wall-to-simulated-time mapping. */
    void bind(LiveClock clock);

    /** What the backend's threads saw, in the order they saw it; filled from any thread. */
    BlockingQueue<Observation> observations();

    /**
     * Applies an observation on the engine's thread at simulated time {@code simTime} (never before
     * the engine's now): reports a completed job to the engine when the job is still meant to run.
     */
    Delivery deliver(Observation observation, long simTime);

    /**
     * The simulated time at which the job's current run is due to end by the engine's books (its
     * start + restart I/O + work left, or its resume + work left), or {@link Long#MIN_VALUE} when it
     * is not running or this backend does not know. The driver measures how late real jobs end.
     */
    default long dueEnd(int job) {
        return Long.MIN_VALUE;
    }

    /** What {@link #deliver} made of an observation. */
    enum Delivery {
        /** The engine was told (work done). */
        REPORTED,
        /** Recorded only: nothing for the engine (a start, a stop, an expected exit after a kill …). */
        NOTED,
        /** The job failed on its own (exit ≠ 0 while it was meant to run): the engine was told, it ends FAILED. */
        FAILED
    }
}
