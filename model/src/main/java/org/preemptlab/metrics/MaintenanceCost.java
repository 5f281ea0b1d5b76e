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
 */
public record MaintenanceCost(String strategy, long lookBackSeconds, double idleNodeHoursBefore, double lostNodeHours,
        double ioNodeHours, double addedWaitHours, double addedMeanWaitSeconds, int jobsAcrossStart) {

    /**
     * @param result   the run with the window (recorded)
     * @param window   the window
     * @param baseline the same workload without any window
     * @param lookBack how far before T idle time is counted, s
     */
    public static MaintenanceCost of(SimulationResult result, MaintenanceWindow window, SimulationResult baseline,
            long lookBack) {
        long t = window.start();
        long from = Math.max(0, t - lookBack);
        boolean[] inWindow = new boolean[result.cluster().nodeCount()];
        for (int n : window.nodes()) inWindow[n] = true;
        List<List<long[]>> busy = new ArrayList<>();
        for (int i = 0; i < inWindow.length; i++) busy.add(new ArrayList<>());
        int across = 0;
        for (Segment s : result.timeline().segments()) {
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
                (wait - baseWait) / 3600, (wait - baseWait) / jobs, across);
    }

    /**
     * The window's cost in node-hours: idle node-hours before T + lost node-hours + checkpoint/restart
     * I/O node-hours (the added wait is a cost to users, not to the machine, and is kept apart).
     */
    public double totalNodeHours() {
        return idleNodeHoursBefore + lostNodeHours + ioNodeHours;
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
