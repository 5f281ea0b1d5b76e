package org.preemptlab.io.report;

import org.preemptlab.io.files.AtomicFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import org.preemptlab.maintenance.BreakEvenCell;
import org.preemptlab.maintenance.BreakEvenResult;
import org.preemptlab.metrics.MaintenanceCost;

/**
 * A break-even sweep as CSV, one row per cell (image size outer, bandwidth inner). Costs are
 * node-hours: idle before T, lost, checkpoint/restart I/O and their total for each strategy; added
 * wait is job-hours; {@code drain_minus_checkpoint_node_h} is positive where checkpointing is cheaper.
 * Then the energy the window's idle nodes drew before T (kWh, at {@code idle_watts_per_node}), the
 * checkpoint strategy ({@code checkpoint-before}: written by T, or {@code checkpoint}: at T), and how
 * many of its checkpoint writes were still going at T and the largest miss, s.
 */
public final class BreakEvenCsvWriter {

    public static final String HEADER = "bandwidth_mbps,image_mb_per_node,"
            + "drain_idle_node_h,drain_lost_node_h,drain_io_node_h,drain_total_node_h,drain_added_wait_job_h,"
            + "checkpoint_idle_node_h,checkpoint_lost_node_h,checkpoint_io_node_h,checkpoint_total_node_h,checkpoint_added_wait_job_h,"
            + "drain_minus_checkpoint_node_h,winner,"
            + "drain_idle_kwh,checkpoint_idle_kwh,idle_watts_per_node,checkpoint_strategy,checkpoint_writes_after_t,checkpoint_worst_miss_s";

    private BreakEvenCsvWriter() {}

    public static void write(Path out, BreakEvenResult result) throws IOException {
        AtomicFiles.write(out, w -> write(w, result));
    }

    public static void write(Writer w, BreakEvenResult result) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (BreakEvenCell c : result.cells()) {
            StringBuilder line = new StringBuilder(200);
            line.append(number(c.bandwidthMBps())).append(',').append(number(c.imageMbPerNode()));
            costs(line, c.drain());
            costs(line, c.checkpoint());
            line.append(',').append(number(c.drainMinusCheckpoint())).append(',').append(c.winner().label());
            line.append(',').append(number(c.drain().idleEnergyKwh())).append(',').append(number(c.checkpoint().idleEnergyKwh()))
                    .append(',').append(number(c.checkpoint().idleWattsPerNode())).append(',').append(c.checkpoint().strategy())
                    .append(',').append(c.checkpoint().checkpointMisses().size()).append(',').append(c.checkpoint().worstMissSeconds())
                    .append('\n');
            w.write(line.toString());
        }
    }

    private static void costs(StringBuilder line, MaintenanceCost m) {
        line.append(',').append(number(m.idleNodeHoursBefore())).append(',').append(number(m.lostNodeHours()))
                .append(',').append(number(m.ioNodeHours())).append(',').append(number(m.totalNodeHours()))
                .append(',').append(number(m.addedWaitHours()));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
