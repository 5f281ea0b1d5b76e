package org.preemptlab.maintenance;

import java.util.Locale;
import org.preemptlab.units.Units;
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

    /** The cell in words: where it is, both costs and their parts, the winner and by how much, the added waits. */
    public String summary() {
        String verdict = switch (winner()) {
            case CHECKPOINT -> "checkpoint is cheaper by " + Units.nodeHours(drainMinusCheckpoint());
            case DRAIN -> "drain is cheaper by " + Units.nodeHours(-drainMinusCheckpoint());
            case TIE -> "drain and checkpoint cost the same";
        };
        return String.format(Locale.ROOT, "bandwidth %s, image %s per node%n"
                + "drain: %s (idle before T %s, lost %s, I/O %s)%n"
                + "checkpoint: %s (idle before T %s, lost %s, I/O %s)%n"
                + "%s%nadded wait: drain %s job-h, checkpoint %s job-h",
                Units.bandwidth(bandwidthMBps), Units.size(imageMbPerNode),
                Units.nodeHours(drainNodeHours()), Units.number(drain.idleNodeHoursBefore()), Units.number(drain.lostNodeHours()),
                Units.number(drain.ioNodeHours()),
                Units.nodeHours(checkpointNodeHours()), Units.number(checkpoint.idleNodeHoursBefore()),
                Units.number(checkpoint.lostNodeHours()), Units.number(checkpoint.ioNodeHours()),
                verdict, Units.number(drain.addedWaitHours()), Units.number(checkpoint.addedWaitHours()));
    }
}
