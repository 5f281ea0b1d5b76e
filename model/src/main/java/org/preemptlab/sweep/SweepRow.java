package org.preemptlab.sweep;

import java.util.List;
import java.util.Map;
import org.preemptlab.job.JobState;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.SimulationResult;

/**
 * One result line of a sweep: the variant's parameters (as text, empty when the axis is not swept)
 * and what its run measured. Definitions are docs/metrics.md's; node-hours count a
 * processor of a trace machine as a node.
 *
 * @param lostNodeHours         Σ nodes × (work since the last checkpoint at each kill or failure, plus all
 *                              work of jobs killed for good) / 3600
 * @param checkpointIoNodeHours Σ nodes × (checkpoint write + restart read time) / 3600
 * @param wallSeconds           wall time of this variant's simulation (the only column that differs between runs)
 */
public record SweepRow(
        int id,
        String label,
        String input,
        String policy,
        String mechanism,
        String bandwidthMBps,
        String alpha,
        String maintenanceStart,
        String p,
        String load,
        String nodesAdded,
        int jobs,
        double meanWaitSeconds,
        double meanBoundedSlowdown,
        double utilization,
        long makespanSeconds,
        int preemptSuspend,
        int preemptCheckpoint,
        int preemptRequeue,
        int preemptKill,
        double lostNodeHours,
        double checkpointIoNodeHours,
        double wallSeconds) {

    /** Column names, in order, as in the CSV header and the JSON lines' keys. */
    public static final List<String> COLUMNS = List.of("id", "label", "input", "policy", "mechanism", "bandwidth_mbps",
            "alpha", "maintenance_start_s", "p", "load", "nodes_added", "jobs", "mean_wait_s", "mean_bounded_slowdown", "utilization",
            "makespan_s", "preempt_suspend", "preempt_checkpoint", "preempt_requeue", "preempt_kill", "lost_node_hours",
            "checkpoint_io_node_hours", "wall_s");

    /** Index of the first numeric column after the parameters. */
    static final int FIRST_METRIC = 11;

    public static SweepRow of(Variant v, SimulationResult result, double wallSeconds) {
        Metrics m = MetricsCalculator.of(result);
        double lost = 0, io = 0;
        for (JobRun r : result.jobs()) {
            int nodes = r.spec().nodes();
            lost += (double) nodes * r.lostWork();
            if (r.state() != JobState.COMPLETED) lost += (double) nodes * r.workDone();
            io += (double) nodes * (r.checkpointSeconds() + r.restartSeconds());
        }
        Map<String, Integer> by = m.preemptionsByMechanism();
        return new SweepRow(v.id(), v.label(), v.inputName(), v.policy(),
                v.mechanism() == null ? "" : v.mechanism().label(),
                v.bandwidthMBps() == null ? "" : Numbers.plain(v.bandwidthMBps()),
                v.accuracy() == null ? "" : v.accuracy().label(),
                v.maintenanceStart() == null ? "" : Long.toString(v.maintenanceStart()),
                v.p() == null ? "" : Numbers.plain(v.p()),
                v.load() == null ? "" : Numbers.plain(v.load()),
                v.nodes() == null ? "" : v.nodes().label(),
                m.jobs(), m.meanWaitSeconds(), m.meanBoundedSlowdown(), m.utilization(), m.makespanSeconds(),
                by.getOrDefault("suspend", 0), by.getOrDefault("checkpoint", 0), by.getOrDefault("requeue", 0),
                by.getOrDefault("kill", 0), lost / 3600, io / 3600, wallSeconds);
    }

    /** The values in {@link #COLUMNS} order: Integer, Long, Double or String. */
    public List<Object> values() {
        return List.of(id, label, input, policy, mechanism, bandwidthMBps, alpha, maintenanceStart, p, load, nodesAdded, jobs,
                meanWaitSeconds, meanBoundedSlowdown, utilization, makespanSeconds, preemptSuspend, preemptCheckpoint,
                preemptRequeue, preemptKill, lostNodeHours, checkpointIoNodeHours, wallSeconds);
    }

    /** The values as text; doubles as {@link Double#toString}, so that reading them back gives the same row. */
    public List<String> cells() {
        return values().stream().map(String::valueOf).toList();
    }

    /**
     * A row from its cells.
     *
     * @throws IllegalArgumentException naming the column when a cell is not what it must be
     */
    public static SweepRow fromCells(List<String> c) {
        if (c.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(c.size() + " values; a sweep row has " + COLUMNS.size());
        }
        return new SweepRow(integer(c, 0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7), c.get(8),
                c.get(9), c.get(10), integer(c, 11), real(c, 12), real(c, 13), real(c, 14), whole(c, 15), integer(c, 16),
                integer(c, 17), integer(c, 18), integer(c, 19), real(c, 20), real(c, 21), real(c, 22));
    }

    /** This row with another wall time (to compare rows of two runs). */
    public SweepRow withWallSeconds(double seconds) {
        return new SweepRow(id, label, input, policy, mechanism, bandwidthMBps, alpha, maintenanceStart, p, load, nodesAdded, jobs,
                meanWaitSeconds, meanBoundedSlowdown, utilization, makespanSeconds, preemptSuspend, preemptCheckpoint,
                preemptRequeue, preemptKill, lostNodeHours, checkpointIoNodeHours, seconds);
    }

    private static int integer(List<String> c, int i) {
        long v = whole(c, i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw bad(c, i, "a whole number");
        return (int) v;
    }

    private static long whole(List<String> c, int i) {
        try {
            return Long.parseLong(c.get(i));
        } catch (NumberFormatException e) {
            throw bad(c, i, "a whole number");
        }
    }

    private static double real(List<String> c, int i) {
        try {
            return Double.parseDouble(c.get(i));
        } catch (NumberFormatException e) {
            throw bad(c, i, "a number");
        }
    }

    private static IllegalArgumentException bad(List<String> c, int i, String what) {
        return new IllegalArgumentException(COLUMNS.get(i) + " is \"" + c.get(i) + "\"; must be " + what);
    }
}
