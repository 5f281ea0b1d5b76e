package org.preemptlab.live;

/**
 * An observation placed on the simulated time line: what really happened to a job and when.
 *
 * @param time       simulated time (the wall time scaled back, never before the engine's time)
 * @param wallMillis real milliseconds since the live run began
 * @param job        the job's index, as in the engine's timeline
 */
public record ObservedEvent(long time, long wallMillis, ObservedKind kind, int job, int launch, int exitCode,
        String detail) {}
