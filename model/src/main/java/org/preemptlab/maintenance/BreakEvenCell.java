package org.preemptlab.maintenance;

import org.preemptlab.metrics.MaintenanceCost;

/**
 * One grid cell of a break-even sweep: both strategies run at one checkpoint bandwidth and image size.
 *
 * @param bandwidthIndex column: index on the bandwidth axis
 * @param imageIndex     row: index on the image-size axis
 * @param bandwidthMBps  every pool's aggregate checkpoint bandwidth in this cell, MB/s
 * @param imageMbPerNode every job's checkpoint image per node in this cell, MB
 * @param drain          what the window cost with {@code DRAIN}
 * @param checkpoint     what the window cost with {@code CHECKPOINT}
 */
public record BreakEvenCell(int bandwidthIndex, int imageIndex, double bandwidthMBps, double imageMbPerNode,
        MaintenanceCost drain, MaintenanceCost checkpoint) {

    /** Drain's total cost, node-hours ({@link MaintenanceCost#totalNodeHours()}). */
    public double drainNodeHours() {
        return drain.totalNodeHours();
    }

    public double checkpointNodeHours() {
        return checkpoint.totalNodeHours();
    }

    /** Drain cost − checkpoint cost, node-hours: positive where checkpointing is cheaper. */
    public double drainMinusCheckpoint() {
        return drainNodeHours() - checkpointNodeHours();
    }

    public Winner winner() {
        return Winner.of(drainMinusCheckpoint());
    }
}
