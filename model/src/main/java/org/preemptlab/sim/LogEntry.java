package org.preemptlab.sim;

import org.preemptlab.sched.Reason;

/**
 * One line of the event log: what happened to which job, on which nodes, and why.
 *
 * @param job   the job's index in the run (see {@link SimulationResult#job(int)}), or -1
 * @param nodes node indices involved (may be empty)
 */
public record LogEntry(long time, LogKind kind, int job, int[] nodes, Reason reason) {}
