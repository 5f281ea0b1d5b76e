package org.preemptlab.maintenance;

import java.util.Locale;
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
            case CHECKPOINT -> String.format(Locale.ROOT, "checkpoint is cheaper by %.2f node-h", drainMinusCheckpoint());
            case DRAIN -> String.format(Locale.ROOT, "drain is cheaper by %.2f node-h", -drainMinusCheckpoint());
            case TIE -> "drain and checkpoint cost the same";
        };
        return String.format(Locale.ROOT, "bandwidth %s MB/s, image %s MB per node%n"
                + "drain: %.2f node-h (idle before T %.2f, lost %.2f, I/O %.2f)%n"
                + "checkpoint: %.2f node-h (idle before T %.2f, lost %.2f, I/O %.2f)%n"
                + "%s%nadded wait: drain %.2f job-h, checkpoint %.2f job-h",
                LogAxis.num(Math.round(bandwidthMBps * 100) / 100.0), LogAxis.num(imageMbPerNode),
                drainNodeHours(), drain.idleNodeHoursBefore(), drain.lostNodeHours(), drain.ioNodeHours(),
                checkpointNodeHours(), checkpoint.idleNodeHoursBefore(), checkpoint.lostNodeHours(), checkpoint.ioNodeHours(),
                verdict, drain.addedWaitHours(), checkpoint.addedWaitHours());
    }
}
