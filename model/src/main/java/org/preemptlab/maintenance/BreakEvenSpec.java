package org.preemptlab.maintenance;

import java.util.Objects;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.sim.MaintenanceStrategy;

/**
 * What a break-even sweep varies.
 *
 * @param bandwidth   checkpoint bandwidth axis, MB/s: set as every pool's aggregate checkpoint bandwidth
 *                    (and as the storage bandwidth of a processor-mode machine)
 * @param imageSize   checkpoint image size axis, MB per node: set as every job's {@code imageMbPerNode}
 * @param windowStart T for the scenario's first window instead of the file's, s, or null
 * @param lookBack    idle time is counted over [T − lookBack, T), s, or null for the longest job estimate
 *                    (as the {@code maintenance} command does)
 * @param checkpoint  the checkpoint strategy compared with drain: {@link MaintenanceStrategy#CHECKPOINT_BEFORE}
 *                    (images written by T; the default) or {@link MaintenanceStrategy#CHECKPOINT} (written at T)
 * @param idleWattsPerNode idle power of a node, W, for the idle energy columns
 */
public record BreakEvenSpec(LogAxis bandwidth, LogAxis imageSize, Long windowStart, Long lookBack, MaintenanceStrategy checkpoint,
        double idleWattsPerNode) {

    /** Checkpoint before T and the default idle power. */
    public BreakEvenSpec(LogAxis bandwidth, LogAxis imageSize, Long windowStart, Long lookBack) {
        this(bandwidth, imageSize, windowStart, lookBack, MaintenanceStrategy.CHECKPOINT_BEFORE, MaintenanceCost.DEFAULT_IDLE_WATTS_PER_NODE);
    }

    /** 12 bandwidths from 10 MB/s to 10 GB/s. */
    public static final String DEFAULT_BANDWIDTH = "10:10000:12";
    /** 10 image sizes from 1 GB to 64 GB per node. */
    public static final String DEFAULT_IMAGE_SIZE = "1024:65536:10";

    public BreakEvenSpec {
        Objects.requireNonNull(bandwidth, "bandwidth");
        Objects.requireNonNull(imageSize, "imageSize");
        if (windowStart != null && windowStart < 0) throw new IllegalArgumentException("window start is " + windowStart + " s; must be ≥ 0");
        if (checkpoint != MaintenanceStrategy.CHECKPOINT && checkpoint != MaintenanceStrategy.CHECKPOINT_BEFORE) {
            throw new IllegalArgumentException("checkpoint strategy is " + checkpoint + "; must be checkpoint (at T) or checkpoint-before");
        }
        if (!(idleWattsPerNode >= 0)) throw new IllegalArgumentException("idle watts per node is " + idleWattsPerNode + "; must be ≥ 0");
        if (lookBack != null && lookBack < 1) throw new IllegalArgumentException("look-back is " + lookBack + " s; must be ≥ 1");
    }

    public static LogAxis bandwidthAxis(String place, String text) {
        return LogAxis.parse(place, "bandwidth", "MB/s", text);
    }

    public static LogAxis imageSizeAxis(String place, String text) {
        return LogAxis.parse(place, "image size", "MB per node", text);
    }

    /** The default grid (12 × 10 cells) on the scenario's own window. */
    public static BreakEvenSpec defaults() {
        return new BreakEvenSpec(bandwidthAxis("bandwidth", DEFAULT_BANDWIDTH), imageSizeAxis("image size", DEFAULT_IMAGE_SIZE), null, null);
    }

    public int cellCount() {
        return bandwidth.steps() * imageSize.steps();
    }
}
