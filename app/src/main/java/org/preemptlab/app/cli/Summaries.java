package org.preemptlab.app.cli;

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
        return String.format(Locale.ROOT, "%s on %s (%s): %s, mean wait %s, mean bounded slowdown %s, utilization %s, "
                        + "mean queue %s, makespan %s, %.2f s wall", policy, trace, Units.count(procs, "processor"),
                Units.count(m.jobs(), "job"), Units.duration(m.meanWaitSeconds()), Units.number(m.meanBoundedSlowdown()),
                Units.share(m.utilization()), Units.number(m.meanQueueLength()), Units.duration(m.makespanSeconds()), wallSeconds);
    }

    /** {@code run}: {@code NAME (easy): 40 jobs, mean wait 5 h 06 min, …, 3 preempted, lost 12.3 core-h, checkpoint+restart 8,180 core-h, makespan 21 h 44 min}. */
    static String run(String scenario, String policy, Metrics m) {
        return String.format(Locale.ROOT, "%s (%s): %s, mean wait %s, mean bounded slowdown %s, utilization %s, "
                        + "%s preempted, lost %s, checkpoint+restart %s, makespan %s",
                scenario, policy, Units.count(m.jobs(), "job"), Units.duration(m.meanWaitSeconds()),
                Units.number(m.meanBoundedSlowdown()), Units.share(m.utilization()),
                Units.group(Math.round(m.preemptedJobShare() * m.jobs())), Units.coreHours(m.lostWorkProcSeconds()),
                Units.coreHours(m.checkpointOverheadProcSeconds()), Units.duration(m.makespanSeconds()));
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
