/**
 * Slurm's own scheduling loop as a {@link org.preemptlab.sched.SchedulingPolicy}: the main
 * scheduler (priority order, a partition stops at its first job that cannot start, at most
 * {@code default_queue_depth} jobs on event passes, the whole queue every {@code sched_interval})
 * and the backfill scheduler (every {@code bf_interval}: a planned start for each job that cannot
 * start now, within {@code bf_window}, times on the {@code bf_resolution} grid, with Slurm's
 * per-cycle limits). Parameters come from {@code SchedulerParameters}; those not modelled are
 * listed, not dropped. See docs/slurm-fidelity.md.
 */
package org.preemptlab.slurmsched;
