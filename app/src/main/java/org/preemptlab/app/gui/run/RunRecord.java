package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SimulationResult;

/**
 * A finished, recorded run as the views need it: the cluster, every job's facts, the timeline's
 * segments and log, and the metrics. Immutable; the Gantt is derived from it alone (stepping back
 * and scrubbing never re-simulate).
 *
 * @param metrics the run's metrics, or null for synthetic timelines
 * @param source  the engine's result (for SWF and events exports), or null for synthetic timelines
 */
public record RunRecord(String title, String policy, Cluster cluster, List<JobFacts> jobs, List<Segment> segments,
        List<LogEntry> log, long startTime, long endTime, Metrics metrics, SimulationResult source) {

    public RunRecord {
        jobs = List.copyOf(jobs);
        segments = List.copyOf(segments);
        log = List.copyOf(log);
    }

    public static RunRecord of(String title, SimulationResult result) {
        List<JobFacts> jobs = new ArrayList<>(result.jobs().size());
        long start = Long.MAX_VALUE;
        for (var r : result.jobs()) {
            jobs.add(JobFacts.of(r));
            start = Math.min(start, r.spec().submit());
        }
        if (jobs.isEmpty()) start = 0;
        long end = Math.max(start + 1, result.endTime());
        return new RunRecord(title, result.policy(), result.cluster(), jobs, result.timeline().segments(),
                result.timeline().log(), start, end, MetricsCalculator.of(result), result);
    }

    public JobFacts job(int index) {
        return jobs.get(index);
    }

    public long span() {
        return Math.max(1, endTime - startTime);
    }
}
