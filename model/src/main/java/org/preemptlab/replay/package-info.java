/**
 * Replay of a Slurm site's history: the nodes of its {@code slurm.conf} and the jobs of its
 * {@code sacct} table run again in the engine under Slurm's loop ({@code slurmsched}), and the
 * predicted starts compared with the real ones ({@code fidelity}). Also real-vs-real comparison of
 * two sacct tables of the same workload (Slurm's own noise floor).
 */
package org.preemptlab.replay;
