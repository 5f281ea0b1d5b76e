package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GanttIndexTest {

    private final GanttIndex index = new GanttIndex(SyntheticRuns.preemptionRun());

    @Test
    void bars_are_sorted_per_row_and_overlapping_ones_get_their_own_lane() {
        RowBars node0 = index.row(0);
        assertThat(node0.size()).isEqualTo(4);
        assertThat(node0.lanes()).isEqualTo(2);
        for (int i = 1; i < node0.size(); i++) assertThat(node0.start(i)).isGreaterThanOrEqualTo(node0.start(i - 1));
        // the suspended bar of job 0 and the running bar of job 1 share [100, 150) in different lanes
        int suspended = -1, preemptor = -1;
        for (int i = 0; i < node0.size(); i++) {
            if (node0.kind(i) == BarKind.SUSPENDED.ordinal()) suspended = i;
            if (node0.job(i) == 1) preemptor = i;
        }
        assertThat(node0.lane(suspended)).isNotEqualTo(node0.lane(preemptor));
    }

    @Test
    void first_ending_after_skips_every_bar_that_ends_before() {
        RowBars node0 = index.row(0);
        assertThat(node0.firstEndingAfter(-1)).isZero();
        int i = node0.firstEndingAfter(150);
        for (int k = 0; k < i; k++) assertThat(node0.end(k)).isLessThanOrEqualTo(150);
        assertThat(node0.end(i)).isGreaterThan(150);
        assertThat(node0.firstEndingAfter(10_000)).isEqualTo(node0.size());
    }

    @Test
    void lost_work_overlay_sits_in_the_lane_of_the_killed_bar() {
        RowBars lost = index.overlays(1);
        assertThat(lost.size()).isEqualTo(1);
        assertThat(lost.start(0)).isEqualTo(50);
        assertThat(lost.end(0)).isEqualTo(120);
        assertThat(lost.lane(0)).isEqualTo(index.row(1).lane(0));
    }

    @Test
    void metrics_at_a_time_come_from_the_segments() {
        CursorMetrics m = index.metricsAt(120);
        // node 0: job 1 running, job 0 suspended; node 2: job 2 running; job 3 ended its segment at 120
        assertThat(m.running()).isEqualTo(2);
        assertThat(m.suspended()).isEqualTo(1);
        assertThat(m.checkpointing()).isZero();
        assertThat(index.metricsAt(210).checkpointing()).isEqualTo(1);
        assertThat(index.metricsAt(255).queued()).isEqualTo(1);
        assertThat(m.utilization()).isEqualTo(16.0 / 32.0);
    }

    @Test
    void event_and_decision_navigation() {
        assertThat(index.nextEventAfter(0)).isEqualTo(50);
        assertThat(index.nextEventAfter(120)).isEqualTo(150);
        assertThat(index.previousEventBefore(150)).isEqualTo(120);
        assertThat(index.previousEventBefore(0)).isZero();
        int next = index.nextDecisionAfter(120);
        assertThat(index.logTime(next)).isEqualTo(200);
        int previous = index.previousDecisionBefore(120);
        assertThat(index.logTime(previous)).isEqualTo(100);
        assertThat(index.logOfJob(2)).hasSize(6);
    }

    @Test
    void step_series_value_max_and_average() {
        StepSeries s = StepSeries.builder().interval(10, 20, 2).interval(15, 30, 1).build();
        assertThat(s.valueAt(9)).isZero();
        assertThat(s.valueAt(10)).isEqualTo(2);
        assertThat(s.valueAt(15)).isEqualTo(3);
        assertThat(s.valueAt(20)).isEqualTo(1);
        assertThat(s.valueAt(30)).isZero();
        assertThat(s.maxOver(0, 12)).isEqualTo(2);
        assertThat(s.maxOver(0, 16)).isEqualTo(3);
        assertThat(s.averageOver(10, 20)).isEqualTo(2.5);
    }

    /** The segments' order by start is the stable sort's (ties in list order), with primitive keys or boxed. */
    @Test
    void segments_are_ordered_by_start_ties_in_list_order() {
        java.util.Random r = new java.util.Random(7);
        for (long spread : new long[] {1, 10, 100_000_000L, Long.MAX_VALUE / 2}) {
            java.util.List<org.preemptlab.sim.Segment> segs = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                long start = spread == 1 ? 42 : Math.floorMod(r.nextLong(), spread);
                segs.add(new org.preemptlab.sim.Segment(i, org.preemptlab.sim.SegmentKind.RUNNING, start, start + 1, new int[] {0}));
            }
            Integer[] boxed = new Integer[segs.size()];
            for (int i = 0; i < boxed.length; i++) boxed[i] = i;
            java.util.Arrays.sort(boxed, (a, b) -> Long.compare(segs.get(a).start(), segs.get(b).start()));
            assertThat(GanttIndex.byStart(segs)).as("spread " + spread)
                    .containsExactly(java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
        assertThat(GanttIndex.byStart(java.util.List.of())).isEmpty();
    }
}
