package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.Reason;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/** Hand-made timelines for Gantt tests: every segment kind, known positions. */
final class SyntheticRuns {

    private SyntheticRuns() {}

    static JobSpec job(int id, String qos, int nodes) {
        return new JobSpec(id, "j" + id, 0, nodes, 8, 0, 1000, 1000, qos, "", List.of(), true, true, 0, 0, null);
    }

    /**
     * Two pools of 2 nodes (nodes 0,1 = a; 2,3 = b). Job 0 runs on node 0 over [0, 100), is
     * suspended [100, 150) while job 1 runs [100, 150) on node 0, then resumes [150, 300).
     * Job 2 checkpoints on node 2: runs [0, 200), checkpoints [200, 250), waits [250, 260),
     * restarts on node 3 [260, 280) and runs [280, 400). Job 3 runs [50, 120) on node 1 and
     * loses [50, 120) when killed at 120.
     */
    static RunRecord preemptionRun() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("a", 2, 8, 0), NodePool.simple("b", 2, 8, 0)));
        List<JobFacts> jobs = List.of(
                JobFacts.ofSpec(0, job(1, "normal", 1)), JobFacts.ofSpec(1, job(2, "owner", 1)),
                JobFacts.ofSpec(2, job(3, "normal", 1)), JobFacts.ofSpec(3, job(4, "preempt", 1)));
        List<Segment> segs = List.of(
                new Segment(0, SegmentKind.RUNNING, 0, 100, new int[] {0}),
                new Segment(1, SegmentKind.RUNNING, 100, 150, new int[] {0}),
                new Segment(0, SegmentKind.SUSPENDED, 100, 150, new int[] {0}),
                new Segment(0, SegmentKind.RUNNING, 150, 300, new int[] {0}),
                new Segment(2, SegmentKind.RUNNING, 0, 200, new int[] {2}),
                new Segment(2, SegmentKind.CHECKPOINTING, 200, 250, new int[] {2}),
                new Segment(2, SegmentKind.WAITING, 250, 260, new int[0]),
                new Segment(2, SegmentKind.RESTARTING, 260, 280, new int[] {3}),
                new Segment(2, SegmentKind.RUNNING, 280, 400, new int[] {3}),
                new Segment(3, SegmentKind.RUNNING, 50, 120, new int[] {1}),
                new Segment(3, SegmentKind.LOST, 50, 120, new int[] {1}));
        List<LogEntry> log = new ArrayList<>();
        log.add(entry(0, LogKind.START, 0, 0));
        log.add(entry(0, LogKind.START, 2, 2));
        log.add(entry(50, LogKind.START, 3, 1));
        log.add(entry(100, LogKind.PREEMPT, 0, 0));
        log.add(entry(100, LogKind.SUSPEND, 0, 0));
        log.add(entry(100, LogKind.START, 1, 0));
        log.add(entry(120, LogKind.PREEMPT, 3, 1));
        log.add(entry(120, LogKind.KILL, 3, 1));
        log.add(entry(150, LogKind.END, 1, 0));
        log.add(entry(150, LogKind.RESUME, 0, 0));
        log.add(entry(200, LogKind.PREEMPT, 2, 2));
        log.add(entry(200, LogKind.CHECKPOINT_BEGIN, 2, 2));
        log.add(entry(250, LogKind.CHECKPOINT_END, 2, 2));
        log.add(entry(260, LogKind.RESTART, 2, 3));
        log.add(entry(300, LogKind.END, 0, 0));
        log.add(entry(400, LogKind.END, 2, 3));
        return new RunRecord("synthetic", "test", cluster, jobs, segs, log, 0, 400, null, null);
    }

    static LogEntry entry(long t, LogKind kind, int job, int node) {
        return new LogEntry(t, kind, job, new int[] {node}, Reason.of(kind.label() + " of j" + (job + 1)));
    }

    /** {@code rows} nodes each holding {@code perRow} back-to-back bars of {@code length} s. */
    static RunRecord dense(int rows, int perRow, long length) {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", rows, 1, 0)));
        List<JobFacts> jobs = new ArrayList<>();
        List<Segment> segs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < perRow; k++) {
                int j = jobs.size();
                jobs.add(JobFacts.ofSpec(j, new JobSpec(j + 1, "j" + (j + 1), 0, 1, 1, 0, length, length,
                        k % 2 == 0 ? "normal" : "owner", "", List.of(), true, false, 0, 0, null)));
                segs.add(new Segment(j, SegmentKind.RUNNING, k * length, (k + 1) * length, new int[] {r}));
            }
        }
        return new RunRecord("dense", "test", cluster, jobs, segs, List.of(), 0, perRow * length, null, null);
    }
}
