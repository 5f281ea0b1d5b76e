package org.preemptlab.sim;

/**
 * A stretch [start, end) of one job's history. {@code nodes} is empty for waiting segments.
 *
 * @param job the job's index in the run
 */
public record Segment(int job, SegmentKind kind, long start, long end, int[] nodes) {}
