package org.preemptlab.app.gui.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobState;
import org.preemptlab.metrics.JobGrouping;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/** The planner views' numbers and words on the hand-worked run of StateUtilizationTest (2 nodes × 4 cores, [0, 200) s). */
class PlannerViewModelTest {

    static JobFacts job(int i, String group, int cores, long estimate, long submit, long start, long end, long wait) {
        return new JobFacts(i, "j" + i, "normal", group, 1, cores, 0, submit, estimate, estimate, true, true, JobState.COMPLETED, start,
                end, wait, 0, 0, 0, 0, 0);
    }

    /** As in StateUtilizationTest: j2 waits [10, 100), j3 [20, 120); j0, j2 in group a, j1, j3 in b. */
    static RunRecord handWorked() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", 2, 4, 1000)));
        int[] n0 = {0}, n1 = {1}, none = {};
        List<JobFacts> jobs = List.of(job(0, "a", 4, 100, 0, 0, 100, 0), job(1, "b", 2, 90, 0, 0, 120, 0),
                job(2, "a", 4, 200, 10, 100, 140, 90), job(3, "b", 4, 50, 20, 120, 170, 100));
        List<Segment> segs = List.of(
                new Segment(0, SegmentKind.RUNNING, 0, 100, n0),
                new Segment(1, SegmentKind.RUNNING, 0, 50, n1),
                new Segment(1, SegmentKind.SUSPENDED, 50, 80, n1),
                new Segment(1, SegmentKind.RUNNING, 80, 120, n1),
                new Segment(2, SegmentKind.WAITING, 10, 100, none),
                new Segment(2, SegmentKind.RUNNING, 100, 140, n0),
                new Segment(3, SegmentKind.WAITING, 20, 120, none),
                new Segment(3, SegmentKind.RUNNING, 120, 150, n1),
                new Segment(3, SegmentKind.CHECKPOINTING, 150, 170, n1));
        List<LogEntry> log = List.of(new LogEntry(180, LogKind.MAINTENANCE_BEGIN, -1, n0, null),
                new LogEntry(200, LogKind.MAINTENANCE_END, -1, n0, null));
        return new RunRecord("hand-worked", "test", cluster, jobs, segs, log, 0, 200, null, null);
    }

    static PlannerViewModel vm() {
        // look-back = the longest estimate (200 s): draining from max(180 - 200, ...) = 0 would hide the reserved
        // stretch, so the window here drains from 150 only (DRAIN_THEN_CHECKPOINT with a 30 s horizon)
        var w = new MaintenanceWindow("w", 180, 20, new int[] {0}, MaintenanceStrategy.DRAIN_THEN_CHECKPOINT, 30);
        return new PlannerViewModel(handWorked(), List.of(w));
    }

    @Test
    void utilizationByStateInWordsAndCsv() {
        PlannerViewModel vm = vm();
        assertThat(vm.stateSummary()).isEqualTo(
                "8 cores over 3 min 20 s: busy 53.8 %, reserved idle 12.5 %, idle 12.5 %, draining 7.5 %, checkpoint / restart 5.0 %, down 5.0 %, suspended 3.8 %");
        assertThat(vm.utilizationCsv().lines().toList()).startsWith(
                "start_s,end_s,busy_cores,checkpointing_cores,down_cores,suspended_cores,draining_cores,reserved_idle_cores,idle_cores",
                "0,20,6,0,0,0,0,0,2",
                "20,50,6,0,0,0,0,2,0",
                "50,80,4,0,0,2,0,2,0");
        assertThat(vm.utilizationCsv().lines()).hasSize(10).last().isEqualTo("180,200,0,0,4,0,0,0,4");
        assertThat(vm.timeUnit().symbol()).isEqualTo("min");
        assertThat(vm.buckets().size()).isEqualTo(200); // one bucket per second of a 200 s run, at most 240
    }

    @Test
    void backlogInNodeHours() {
        PlannerViewModel vm = vm();
        assertThat(vm.workUnit()).isEqualTo("node-hours");
        assertThat(vm.backlogCsv().lines().toList()).containsExactly("time_s,waiting_jobs,backlog_node_seconds", "10,1,200", "20,2,250",
                "100,1,50", "120,0,0");
        assertThat(vm.backlogSummary()).endsWith("Peak 0.0694 node-h at 20 s");
        double[][] p = vm.backlogPoints();
        assertThat(p[1]).containsExactly(0, 200 / 3600.0, 250 / 3600.0, 50 / 3600.0, 0, 0);
        assertThat(p[0][p[0].length - 1]).isEqualTo(200 / 60.0);
    }

    @Test
    void waitPercentilesByTheGroupingsTheJobsCarry() {
        PlannerViewModel vm = vm();
        assertThat(vm.groupings()).containsExactly(JobGrouping.ACCOUNT); // one QOS, no pools, no SWF fields
        assertThat(vm.waitRows()).extracting(PlannerViewModel.WaitRow::group).containsExactly("all", "a", "b");
        PlannerViewModel.WaitRow all = vm.waitRows().get(0);
        assertThat(List.of(all.jobs(), all.mean(), all.p50(), all.p95(), all.max())).containsExactly("4", "48 s", "0 s", "1 min 40 s",
                "1 min 40 s");
        assertThat(vm.waitRows().get(1).p90()).isEqualTo("1 min 30 s");
        assertThat(vm.waitCsv().lines().toList()).containsExactly("grouping,group,jobs,mean_s,p50_s,p90_s,p95_s,p99_s,max_s",
                "account (group),all,4,47.5,0,100,100,100,100", "account (group),a,2,45.0,0,90,90,90,90",
                "account (group),b,2,50.0,0,100,100,100,100");
        double[][] cdf = vm.cdf(vm.waitGroups().get(2));
        assertThat(cdf[1]).containsExactly(0, 50, 100);
        assertThat(vm.waitSubtitle()).isEqualTo("By account (group): 2 groups; the thick line is all jobs");
    }

    @Test
    void aLargeGroupsCdfIsThinnedByRankKeepingTheEnds() {
        PlannerViewModel vm = vm();
        long[] waits = new long[10_000];
        for (int i = 0; i < waits.length; i++) waits[i] = i * 6L; // 0 s … 59,994 s
        double[][] cdf = vm.cdf(new org.preemptlab.metrics.GroupWaits("big", waits));
        assertThat(cdf[0]).hasSize(PlannerViewModel.MAX_CDF_POINTS + 1);
        assertThat(cdf[1][0]).isZero();
        assertThat(cdf[1][cdf[1].length - 1]).isEqualTo(100.0);
        assertThat(cdf[0][cdf[0].length - 1]).isEqualTo(59_994 / vm.waitUnit().seconds());
        assertThat(cdf[1]).isSorted();
        // the median point: half the jobs waited at most the median wait
        assertThat(cdf[1][PlannerViewModel.MAX_CDF_POINTS / 2]).isEqualTo(50.0);
        assertThat(cdf[0][PlannerViewModel.MAX_CDF_POINTS / 2]).isEqualTo(waits[4_999] / vm.waitUnit().seconds());
    }
}
