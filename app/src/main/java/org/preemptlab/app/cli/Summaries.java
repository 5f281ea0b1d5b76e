package org.preemptlab.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.units.Units;

/**
 * The summary lines the commands print for people, in human units ({@link Units}): durations as
 * d / h / min, work as core-hours, shares as %. The files they write for programs (JSON, CSV, SWF)
 * keep seconds.
 */
final class Summaries {

    private Summaries() {}

    /** {@code simulate}: {@code easy on KTH.swf (100 processors): 28,489 jobs, mean wait 2 h 05 min, …, makespan 332 d 22 h, 1.23 s wall}. */
    static String simulate(String policy, String trace, long procs, Metrics m, double wallSeconds) {
        // plain concatenation, not String.format: a one-shot run would load Formatter, regex and the locale data (≈ 80
        // classes) for this one line (docs/performance.md, "Cold runs: fixed costs")
        return policy + " on " + trace + " (" + Units.count(procs, "processor") + "): " + Units.count(m.jobs(), "job")
                + ", mean wait " + Units.duration(m.meanWaitSeconds()) + ", mean bounded slowdown " + Units.number(m.meanBoundedSlowdown())
                + ", utilization " + Units.share(m.utilization()) + ", mean queue " + Units.number(m.meanQueueLength())
                + ", makespan " + Units.duration(m.makespanSeconds()) + ", " + twoDecimals(wallSeconds) + " s wall";
    }

    /** {@code run}: {@code NAME (easy): 40 jobs, mean wait 5 h 06 min, …, 3 preempted, lost 12.3 core-h, checkpoint+restart 8,180 core-h, makespan 21 h 44 min}. */
    static String run(String scenario, String policy, Metrics m) {
        return scenario + " (" + policy + "): " + Units.count(m.jobs(), "job") + ", mean wait " + Units.duration(m.meanWaitSeconds())
                + ", mean bounded slowdown " + Units.number(m.meanBoundedSlowdown()) + ", utilization " + Units.share(m.utilization())
                + ", " + Units.group(Math.round(m.preemptedJobShare() * m.jobs())) + " preempted, lost "
                + Units.coreHours(m.lostWorkProcSeconds()) + ", checkpoint+restart " + Units.coreHours(m.checkpointOverheadProcSeconds())
                + ", makespan " + Units.duration(m.makespanSeconds());
    }

    /**
     * {@code String.format(Locale.ROOT, "%.2f", x)} without {@link java.util.Formatter}: the decimal digits of
     * {@link Double#toString} (which {@code %f} rounds too) rounded half up to two places; NaN and the infinities as
     * {@code %f} writes them.
     */
    static String twoDecimals(double x) {
        if (Double.isNaN(x)) return "NaN";
        if (Double.isInfinite(x)) return x > 0 ? "Infinity" : "-Infinity";
        String digits = BigDecimal.valueOf(Math.abs(x)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return (Math.copySign(1.0, x) < 0 ? "-" : "") + digits;
    }

    /** {@code maintenance}: {@code NAME: window W at 12 h 00 min for 4 h on 8 nodes; idle counted over the 10 h before it}. */
    static String maintenanceHeader(String scenario, MaintenanceWindow w, long lookBack) {
        return scenario + ": window " + w.name() + " at " + Units.instant(w.start()) + " for " + Units.duration(w.duration())
                + " on " + Units.count(w.nodes().length, "node") + "; idle counted over the "
                + Units.duration(Math.min(lookBack, w.start())) + " before it";
    }

    static final String MAINTENANCE_COLUMNS = "strategy              | idle node-h before T | idle kWh before T | lost node-h | ckpt+restart I/O node-h "
            + "| added wait job-h | added mean wait | jobs running across T | ckpt writes after T";

    /** One strategy's row under {@link #MAINTENANCE_COLUMNS}. */
    static String maintenanceRow(MaintenanceCost c) {
        return String.format(Locale.ROOT, "%-21s | %20s | %17s | %11s | %23s | %16s | %15s | %21d | %s", c.strategy(),
                Units.number(c.idleNodeHoursBefore()), Units.number(c.idleEnergyKwh()), Units.number(c.lostNodeHours()),
                Units.number(c.ioNodeHours()), Units.number(c.addedWaitHours()), Units.duration(c.addedMeanWaitSeconds()),
                c.jobsAcrossStart(), c.checkpointMisses().isEmpty() ? "none"
                        : c.checkpointMisses().size() + ", worst " + Units.duration(c.worstMissSeconds()) + " late");
    }

    /** The checkpoint writes of a strategy that were not done by T, one line each: {@code   job2 wrote 5 h 00 min – 5 h 21 min: 21 min after T}. */
    static List<String> maintenanceMisses(MaintenanceCost c) {
        List<String> lines = new ArrayList<>();
        for (MaintenanceCost.CheckpointMiss m : c.checkpointMisses()) {
            lines.add("  " + c.strategy() + ": " + m.job() + " wrote its checkpoint " + Units.instant(m.start()) + " – "
                    + Units.instant(m.end()) + ", " + Units.duration(m.missSeconds()) + " after T");
        }
        return lines;
    }
}
