package org.preemptlab.metrics;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.SimulationResult;

/**
 * What a maintenance window cost, compared with the same workload without it.
 *
 * @param idleNodeHoursBefore node-hours the window's nodes stood idle in [T − lookBack, T)
 * @param lostNodeHours       work lost to kills (node-hours)
 * @param ioNodeHours         checkpoint writes and restart reads (node-hours)
 * @param addedWaitHours      total extra waiting of all jobs versus the run without windows (job-hours)
 * @param addedMeanWaitSeconds extra mean wait per job versus the run without windows
 * @param jobsAcrossStart     jobs that were running on the window's nodes at T (drain must give 0)
 * @param idleWattsPerNode    idle power of one node, W, used for {@link #idleEnergyKwh}
 * @param checkpointMisses    every checkpoint write on the window's nodes that was still writing at T, with
 *                            by how much it missed T (at T: the whole write; before T: none if the bandwidth allowed)
 */
public record MaintenanceCost(String strategy, long lookBackSeconds, double idleNodeHoursBefore, double lostNodeHours,
        double ioNodeHours, double addedWaitHours, double addedMeanWaitSeconds, int jobsAcrossStart,
        double idleWattsPerNode, List<CheckpointMiss> checkpointMisses) {

    /**
     * Idle power of a node when no idle power is given, W: a typical two-socket compute node draws
     * 100–200 W doing nothing (SPECpower_ssj2008 results of recent 2-socket servers at active idle);
     * 150 W is the middle of that range.
     */
    public static final double DEFAULT_IDLE_WATTS_PER_NODE = 150;

    /** One checkpoint write that was not finished at T. */
    public record CheckpointMiss(String job, long start, long end, long missSeconds) {}

    public MaintenanceCost {
        if (!(idleWattsPerNode >= 0)) throw new IllegalArgumentException("idle watts per node is " + idleWattsPerNode + "; must be ≥ 0");
        checkpointMisses = List.copyOf(checkpointMisses);
    }

    /** A cost with the default idle power and no checkpoint misses (reports built by hand, tests). */
    public MaintenanceCost(String strategy, long lookBackSeconds, double idleNodeHoursBefore, double lostNodeHours,
            double ioNodeHours, double addedWaitHours, double addedMeanWaitSeconds, int jobsAcrossStart) {
        this(strategy, lookBackSeconds, idleNodeHoursBefore, lostNodeHours, ioNodeHours, addedWaitHours, addedMeanWaitSeconds,
                jobsAcrossStart, DEFAULT_IDLE_WATTS_PER_NODE, List.of());
    }

    /** Energy the window's nodes drew standing idle before T: idle node-hours × idle watts per node, kWh. */
    public double idleEnergyKwh() {
        return idleNodeHoursBefore * idleWattsPerNode / 1000;
    }

    /** The largest miss of any checkpoint write, s (0: every image was written by T). */
    public long worstMissSeconds() {
        long worst = 0;
        for (CheckpointMiss m : checkpointMisses) worst = Math.max(worst, m.missSeconds());
        return worst;
    }

    public static MaintenanceCost of(SimulationResult result, MaintenanceWindow window, SimulationResult baseline,
            long lookBack) {
        return of(result, window, baseline, lookBack, DEFAULT_IDLE_WATTS_PER_NODE);
    }

    /**
     * @param result   the run with the window (recorded)
     * @param window   the window
     * @param baseline the same workload without any window
     * @param lookBack how far before T idle time is counted, s
     */
    public static MaintenanceCost of(SimulationResult result, MaintenanceWindow window, SimulationResult baseline,
            long lookBack, double idleWattsPerNode) {
        long t = window.start();
        long from = Math.max(0, t - lookBack);
        boolean[] inWindow = new boolean[result.cluster().nodeCount()];
        for (int n : window.nodes()) inWindow[n] = true;
        List<List<long[]>> busy = new ArrayList<>();
        for (int i = 0; i < inWindow.length; i++) busy.add(new ArrayList<>());
        int across = 0;
        List<CheckpointMiss> misses = new ArrayList<>();
        for (Segment s : result.timeline().segments()) {
            if (s.kind() == SegmentKind.CHECKPOINTING && s.start() < window.end() && s.end() > t && touches(s, inWindow)) {
                misses.add(new CheckpointMiss(result.jobs().get(s.job()).spec().name(), s.start(), s.end(), s.end() - t));
            }
            if (s.kind() == SegmentKind.WAITING || s.kind() == SegmentKind.LOST || s.kind() == SegmentKind.SUSPENDED) continue;
            boolean onWindow = false;
            for (int n : s.nodes()) {
                if (!inWindow[n]) continue;
                onWindow = true;
                long a = Math.max(from, s.start());
                long b = Math.min(t, s.end());
                if (b > a) busy.get(n).add(new long[] {a, b});
            }
            if (onWindow && s.kind() == SegmentKind.RUNNING && s.start() < t && s.end() > t) across++;
        }
        double idle = 0;
        for (int n : window.nodes()) idle += (t - from) - unionLength(busy.get(n));
        double lost = 0, io = 0, wait = 0, baseWait = 0;
        for (JobRun r : result.jobs()) {
            lost += (double) r.lostWork() * r.spec().nodes();
            io += (double) (r.checkpointSeconds() + r.restartSeconds()) * r.spec().nodes();
            wait += r.totalWait();
        }
        for (JobRun r : baseline.jobs()) baseWait += r.totalWait();
        int jobs = Math.max(1, result.jobs().size());
        return new MaintenanceCost(window.strategy().label(), t - from, idle / 3600, lost / 3600, io / 3600,
                (wait - baseWait) / 3600, (wait - baseWait) / jobs, across, idleWattsPerNode, misses);
    }

    /**
     * The window's cost in node-hours: idle node-hours before T + lost node-hours + checkpoint/restart
     * I/O node-hours (the added wait is a cost to users, not to the machine, and is kept apart).
     */
    public double totalNodeHours() {
        return idleNodeHoursBefore + lostNodeHours + ioNodeHours;
    }

    private static boolean touches(Segment s, boolean[] inWindow) {
        for (int n : s.nodes()) if (n < inWindow.length && inWindow[n]) return true;
        return false;
    }

    private static long unionLength(List<long[]> intervals) {
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        long total = 0, curA = Long.MIN_VALUE, curB = Long.MIN_VALUE;
        for (long[] iv : intervals) {
            if (iv[0] > curB) {
                if (curB > curA) total += curB - curA;
                curA = iv[0];
                curB = iv[1];
            } else {
                curB = Math.max(curB, iv[1]);
            }
        }
        if (curB > curA) total += curB - curA;
        return total;
    }
}
