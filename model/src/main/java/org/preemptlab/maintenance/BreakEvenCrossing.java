package org.preemptlab.maintenance;

/**
 * Where drain cost − checkpoint cost changes sign along one row (one image size) of the grid,
 * interpolated linearly in log(bandwidth) between the two neighbouring cells (the grid's spacing).
 *
 * @param imageIndex     the row
 * @param imageMbPerNode its image size, MB per node
 * @param bandwidthMBps  the break-even bandwidth, MB/s
 * @param cheaperAbove   the strategy that is cheaper just above this bandwidth
 */
public record BreakEvenCrossing(int imageIndex, double imageMbPerNode, double bandwidthMBps, Winner cheaperAbove) {}
