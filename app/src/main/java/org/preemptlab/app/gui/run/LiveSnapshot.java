package org.preemptlab.app.gui.run;

import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * What a live run has done so far, copied on the engine's thread between two instants, so any
 * thread may read it: the jobs' facts, the log and the closed segments, and the engine's time.
 *
 * @param steps how many instants the engine had applied (grows with every copy)
 */
public record LiveSnapshot(String title, String policy, Cluster cluster, List<JobFacts> jobs, List<LogEntry> log,
        List<Segment> segments, long engineNow, long steps) {

    public LiveSnapshot {
        jobs = List.copyOf(jobs);
        log = List.copyOf(log);
        segments = List.copyOf(segments);
    }

    /** Copies the simulation's state; call only on the thread that runs it. */
    public static LiveSnapshot of(String title, Simulation simulation, long steps) {
        SimulationResult r = simulation.result(0);
        List<JobFacts> jobs = r.jobs().stream().map(JobFacts::of).toList();
        long now = simulation.now() == Long.MIN_VALUE ? firstSubmit(r.jobs()) : simulation.now();
        return new LiveSnapshot(title, r.policy(), r.cluster(), jobs, r.timeline().log(), r.timeline().segments(), now, steps);
    }

    private static long firstSubmit(List<JobRun> jobs) {
        long t = Long.MAX_VALUE;
        for (JobRun j : jobs) t = Math.min(t, j.spec().submit());
        return t == Long.MAX_VALUE ? 0 : t;
    }

    /** The run so far as the Gantt draws it: open segments (see {@link LiveTimeline}) run to {@code now}. */
    public RunRecord toRecord(long now) {
        long at = Math.max(now, engineNow);
        long start = Long.MAX_VALUE;
        for (JobFacts j : jobs) start = Math.min(start, j.submit());
        if (jobs.isEmpty()) start = 0;
        at = Math.max(at, start);
        return new RunRecord(title, policy, cluster, jobs, LiveTimeline.upTo(log, segments, at), log, start,
                Math.max(start + 1, at), null, null);
    }
}
