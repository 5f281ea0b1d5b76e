/**
 * Maintenance planning across many runs: the drain-vs-checkpoint break-even sweep
 * ({@link org.preemptlab.maintenance.BreakEvenSweep}) over a log-spaced grid of checkpoint
 * bandwidth × image size ({@link org.preemptlab.maintenance.LogAxis}), its cells
 * ({@link org.preemptlab.maintenance.BreakEvenCell}) and the interpolated boundary
 * ({@link org.preemptlab.maintenance.BreakEvenCrossing}). Costs come from
 * {@link org.preemptlab.metrics.MaintenanceCost}.
 */
package org.preemptlab.maintenance;
