package org.preemptlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/** Backlog, waits by group and start shifts on hand-worked numbers. */
class PlannerMetricsTest {

    @Test
    void backlogSumsNodesTimesEstimateOfTheWaitingJobs() {
        // job 0: 2 nodes × 100 s waits [10, 100); job 1: 1 node × 50 s waits [20, 120) and again [130, 140)
        long[] asked = {200, 50};
        Backlog b = Backlog.of(List.of(
                new Segment(0, SegmentKind.WAITING, 10, 100, new int[0]),
                new Segment(1, SegmentKind.WAITING, 20, 120, new int[0]),
                new Segment(0, SegmentKind.RUNNING, 100, 200, new int[] {0, 1}),
                new Segment(1, SegmentKind.WAITING, 130, 140, new int[0])), j -> asked[j]);
        assertThat(b.nodeSecondsAt(5L)).isZero();
        assertThat(b.nodeSecondsAt(15L)).isEqualTo(200);
        assertThat(b.nodeSecondsAt(50L)).isEqualTo(250);
        assertThat(b.nodeSecondsAt(100L)).isEqualTo(50);
        assertThat(b.nodeSecondsAt(125L)).isZero();
        assertThat(b.nodeSecondsAt(135L)).isEqualTo(50);
        assertThat(b.nodeSecondsAt(140L)).isZero();
        assertThat(b.peak()).isEqualTo(250);
        assertThat(b.jobsAt(1)).isEqualTo(2);
    }

    @Test
    void waitPercentilesByGroupAreNearestRank() {
        record J(String g, long w) {}
        List<J> jobs = List.of(new J("A", 0), new J("B", 10), new J("A", 20), new J("B", 30), new J("A", 100));
        List<GroupWaits> groups = GroupWaits.of(jobs, J::g, J::w);
        assertThat(groups).extracting(GroupWaits::group).containsExactly("all", "A", "B");
        GroupWaits all = groups.get(0), a = groups.get(1), b = groups.get(2);
        assertThat(all.percentile(0.5)).isEqualTo(20); // rank ceil(2.5) = 3
        assertThat(all.percentile(0.95)).isEqualTo(100); // rank ceil(4.75) = 5
        assertThat(all.percentile(0.2)).isEqualTo(0); // rank 1
        assertThat(a.percentile(0.5)).isEqualTo(20); // 0, 20, 100: rank 2
        assertThat(b.percentile(0.5)).isEqualTo(10); // 10, 30: rank 1
        assertThat(b.percentile(0.9)).isEqualTo(30);
        assertThat(all.mean()).isEqualTo(32);
        assertThat(all.shareWithin(20)).isEqualTo(0.6);
        assertThat(a.shareWithin(-1)).isZero();
    }

    @Test
    void groupingsReadWhatTheJobCarries() {
        long[] swf = new long[18];
        swf[11] = 7;
        swf[15] = 2;
        JobSpec j = new JobSpec(1, "a", 0, 1, 1, 0, 10, 10, "owner", "chem", List.of("gpu"), true, false, 0, 0, swf);
        JobSpec k = new JobSpec(2, "b", 0, 1, 1, 0, 10, 10, null, null, null, true, false, 0, 0, null);
        assertThat(JobGrouping.QOS.keyOf(j)).isEqualTo("owner");
        assertThat(JobGrouping.QOS.keyOf(k)).isEqualTo("normal");
        assertThat(JobGrouping.ACCOUNT.keyOf(j)).isEqualTo("chem");
        assertThat(JobGrouping.ACCOUNT.keyOf(k)).isEqualTo(JobGrouping.NONE);
        assertThat(JobGrouping.POOLS.keyOf(j)).isEqualTo("gpu");
        assertThat(JobGrouping.SWF_USER.keyOf(j)).isEqualTo("user 7");
        assertThat(JobGrouping.SWF_PARTITION.keyOf(j)).isEqualTo("partition 2");
        assertThat(JobGrouping.SWF_USER.keyOf(k)).isEqualTo(JobGrouping.NONE);
        assertThat(JobGrouping.QOS.separates(List.of(j, k))).isTrue();
        JobSpec l = new JobSpec(3, "c", 0, 1, 1, 0, 10, 10, "owner", "bio", List.of(), true, false, 0, 0, swf.clone());
        assertThat(JobGrouping.SWF_QUEUE.separates(List.of(j, l))).as("both in queue 0").isFalse();
        assertThat(JobGrouping.ACCOUNT.separates(List.of(j, l))).isTrue();
    }

    @Test
    void startShiftsJobByJob() {
        var a = List.of(new StartShift.JobTimes(0, "j0", 0, 0, 100), new StartShift.JobTimes(1, "j1", 0, 100, 150),
                new StartShift.JobTimes(2, "j2", 5, 40, 90), new StartShift.JobTimes(3, "j3", 5, -1, -1));
        var b = List.of(new StartShift.JobTimes(0, "j0", 0, 0, 100), new StartShift.JobTimes(1, "j1", 0, 20, 70),
                new StartShift.JobTimes(2, "j2", 5, 100, 150), new StartShift.JobTimes(3, "j3", 5, 10, 20));
        StartShift.Comparison c = StartShift.compare(a, b);
        assertThat(c.notStartedInBoth()).isEqualTo(1);
        assertThat(c.earlier()).isEqualTo(1);
        assertThat(c.later()).isEqualTo(1);
        assertThat(c.unchanged()).isEqualTo(1);
        assertThat(c.meanShift()).isEqualTo((0 - 80 + 60) / 3.0);
        assertThat(c.largest(2)).extracting(StartShift::name).containsExactly("j1", "j2");
        assertThat(c.shifts().stream().sorted(StartShift.BY_SHIFT).map(StartShift::shift).toList()).containsExactly(-80L, 0L, 60L);
        assertThatThrownBy(() -> StartShift.compare(a, b.subList(0, 2))).hasMessageContaining("4 and 2 jobs");
    }
}
