/**
 * Parameter sweeps: a sweep file ({@link org.preemptlab.sweep.SweepReader}) names workloads
 * (scenario files, SWF traces) and axes (scheduler, preemption mechanism, checkpoint bandwidth,
 * estimate accuracy, maintenance window start, aggressive-checkpoint p); {@link org.preemptlab.sweep.Grid}
 * numbers every combination; {@link org.preemptlab.sweep.SweepRunner} runs them on a bounded thread
 * pool and streams one {@link org.preemptlab.sweep.SweepRow} per variant through a
 * {@link org.preemptlab.sweep.ResultWriter}; {@link org.preemptlab.sweep.SlurmArray} runs them as a
 * Slurm job array instead and collects the results. See docs/adr/0006-sweeps.md.
 */
package org.preemptlab.sweep;
