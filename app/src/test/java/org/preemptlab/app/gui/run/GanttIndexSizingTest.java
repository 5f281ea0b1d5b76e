package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.SimulationConfig;

/**
 * The index sizes its rows and series by a counting pass (issue 16: no doubling and trimming of a
 * 200k-job trace's millions of bars): on a real trace's run every row holds the same bars, lanes and
 * detail levels as a row grown by doubling from the same bars, and the series equal ones built from
 * unsized builders.
 */
class GanttIndexSizingTest {

    private static RunRecord kthRun() throws Exception {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        SwfTrace t = SwfReader.read(d.resolve("sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz"),
                SwfReadOptions.defaults());
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(t.machineProcs()), t.jobs(), new EasyBackfillPolicy(), true);
        return ScenarioRunner.simulate("KTH first 1000 (EASY)", config, ProgressSink.NONE);
    }

    @Test
    void rows_sized_by_counting_equal_rows_grown_by_doubling_on_a_real_trace() throws Exception {
        GanttIndex index = new GanttIndex(kthRun());
        int bars = 0;
        for (int row = 0; row < index.rowCount(); row++) {
            for (int k = 0; k < index.samplesPerRow(); k++) {
                RowBars sized = index.sample(row, k);
                RowBars grown = new RowBars(8);
                for (int i = 0; i < sized.size(); i++) {
                    grown.add(sized.start(i), sized.end(i), sized.job(i), sized.kind(i), sized.blockLo(i), sized.blockHi(i));
                }
                grown.seal();
                assertSame(sized, grown);
                bars += sized.size();
            }
        }
        assertThat(bars).isEqualTo(index.barCount()).isGreaterThan(1000);
    }

    @Test
    void series_from_sized_builders_equal_series_from_growing_ones() throws Exception {
        RunRecord run = kthRun();
        GanttIndex index = new GanttIndex(run);
        StepSeries.Builder busy = StepSeries.builder(), pool = StepSeries.builder(), queue = StepSeries.builder();
        List<Segment> segs = run.segments();
        for (Segment s : segs) {
            if (s.kind() == SegmentKind.WAITING) queue.interval(s.start(), s.end(), 1);
            else if (GanttIndex.holdsCores(s.kind())) {
                long procs = (long) s.nodes().length * Math.max(1, run.job(s.job()).coresPerNode());
                busy.interval(s.start(), s.end(), procs);
                pool.interval(s.start(), s.end(), procs);
            }
        }
        assertSameSeries(index.busyCores(), busy.build());
        assertSameSeries(index.poolBusyCores(0), pool.build());
        assertSameSeries(index.queue(), queue.build());
        assertThat(index.busyCores().size()).isGreaterThan(100);
    }

    /**
     * Intervals added with their starts in order (as the index adds them) sort only their ends: the series
     * equals the one built from the same intervals in another order, which sorts every change.
     */
    @Test
    void intervals_with_starts_in_order_give_the_series_of_any_order() {
        java.util.Random r = new java.util.Random(16);
        for (int round = 0; round < 20; round++) {
            int n = 1 + r.nextInt(400);
            long[][] iv = new long[n][];
            long start = r.nextInt(100);
            for (int i = 0; i < n; i++) {
                start += r.nextInt(3) == 0 ? 0 : r.nextInt(50); // equal starts too
                iv[i] = new long[] {start, start + r.nextInt(300), 1 + r.nextInt(64)}; // empty ones too
            }
            StepSeries.Builder inOrder = StepSeries.builder(), shuffled = StepSeries.builder();
            for (long[] v : iv) inOrder.interval(v[0], v[1], v[2]);
            List<long[]> other = new java.util.ArrayList<>(List.of(iv));
            java.util.Collections.shuffle(other, r);
            for (long[] v : other) shuffled.interval(v[0], v[1], v[2]);
            assertSameSeries(inOrder.build(), shuffled.build());
        }
        StepSeries mixed = StepSeries.builder().interval(0, 10, 2).change(5, 1).interval(3, 4, 1).build(); // not pairs
        assertThat(mixed.valueAt(3)).isEqualTo(3);
        assertThat(mixed.valueAt(5)).isEqualTo(3);
        assertThat(mixed.valueAt(10)).isEqualTo(1);
    }

    @Test
    void a_builder_builds_once() {
        StepSeries.Builder b = StepSeries.builder(2).interval(10, 20, 2).interval(15, 30, 1);
        StepSeries s = b.build();
        assertThat(s.valueAt(16)).isEqualTo(3);
        assertThat(s.valueAt(30)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    private static void assertSame(RowBars a, RowBars b) {
        assertThat(a.size()).isEqualTo(b.size());
        assertThat(a.lanes()).isEqualTo(b.lanes());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.lane(i)).isEqualTo(b.lane(i));
            assertThat(a.firstEndingAfter(a.start(i))).isEqualTo(b.firstEndingAfter(b.start(i)));
        }
        assertThat(a.levelCount()).isEqualTo(b.levelCount());
        for (double res = 1; res < 1e9; res *= 4) {
            BarLevel la = a.levelFor(res), lb = b.levelFor(res);
            if (la == null) {
                assertThat(lb).isNull();
                continue;
            }
            assertThat(la.resolution()).isEqualTo(lb.resolution());
            assertThat(la.size()).isEqualTo(lb.size());
            for (int i = 0; i < la.size(); i++) {
                assertThat(new long[] {la.start(i), la.end(i), la.job(i), la.colorJob(i), la.kind(i), la.blockLo(i), la.blockHi(i)})
                        .containsExactly(lb.start(i), lb.end(i), lb.job(i), lb.colorJob(i), lb.kind(i), lb.blockLo(i), lb.blockHi(i));
            }
        }
    }

    private static void assertSameSeries(StepSeries a, StepSeries b) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.timeAt(i)).isEqualTo(b.timeAt(i));
            assertThat(a.valueAtIndex(i)).isEqualTo(b.valueAtIndex(i));
        }
    }

    /** The event times without repeats, as {@code LongStream.distinct} gives them, with or without time order. */
    @Test
    void distinct_times_keep_the_first_of_each_time_in_order() {
        assertThat(GanttIndex.distinctTimes(new long[] {0, 0, 5, 5, 5, 7, 9, 9})).containsExactly(0, 5, 7, 9);
        assertThat(GanttIndex.distinctTimes(new long[0])).isEmpty();
        assertThat(GanttIndex.distinctTimes(new long[] {3, 3, 1, 3, 2})).containsExactly(3, 1, 2);
    }

    /**
     * Levels built in the background, last row first, are the levels the draws build: the same pyramid at
     * every resolution, row by row (a real trace's rows, and busy rows that have levels), and a stop asked
     * for before a row leaves it to the draws.
     */
    @Test
    void levels_built_in_the_background_equal_levels_built_by_drawing() throws Exception {
        RunRecord kth = kthRun();
        int withLevels = 0;
        for (RunRecord run : List.of(kth, SyntheticRuns.dense(6, 400, 30))) {
            GanttIndex background = new GanttIndex(run), drawn = new GanttIndex(run);
            background.buildLevels(() -> false);
            for (int row = 0; row < drawn.rowCount(); row++) {
                for (int k = 0; k < drawn.samplesPerRow(); k++) {
                    RowBars a = background.sample(row, k), b = drawn.sample(row, k);
                    for (double res = 0.5; res < 1e9; res *= 4) {
                        BarLevel la = a.levelFor(res), lb = b.levelFor(res);
                        assertThat(la == null).isEqualTo(lb == null);
                        if (la == null) continue;
                        assertThat(la.resolution()).isEqualTo(lb.resolution());
                        assertThat(la.size()).isEqualTo(lb.size());
                        for (int i = 0; i < la.size(); i++) {
                            assertThat(new long[] {la.start(i), la.end(i), la.job(i), la.colorJob(i), la.kind(i)})
                                    .containsExactly(lb.start(i), lb.end(i), lb.job(i), lb.colorJob(i), lb.kind(i));
                        }
                    }
                    if (a.levelCount() > 0) withLevels++;
                }
            }
        }
        assertThat(withLevels).as("rows with levels of detail (the dense run has six)").isGreaterThanOrEqualTo(6);
        int[] asked = {0};
        new GanttIndex(kth).buildLevels(() -> asked[0]++ > 0); // stops before its second row
        assertThat(asked[0]).isEqualTo(2);
    }
}
