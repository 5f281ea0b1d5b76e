package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/**
 * The Gantt redesign's view-model rules, without the toolkit: a job is one block over adjacent rows,
 * processor machines are drawn by processor ranges, pools collapse to occupancy strips, colours come
 * from the fixed palette by name, event marks keep a minimum width.
 */
class GanttBlocksTest {

    private static final double W = GanttViewModel.GUTTER_WIDTH + 800;

    private static GanttViewModel vm(RunRecord run, long cursor, double height) {
        GanttViewModel vm = new GanttViewModel(new GanttIndex(run), new SimpleLongProperty(cursor));
        vm.setViewport(W, height);
        vm.setVisibleRange(run.startTime(), run.span()); // 800 px over the run
        return vm;
    }

    private static JobSpec spec(int id, String name, String qos, int nodes) {
        return new JobSpec(id, name, 0, nodes, 8, 0, 1000, 1000, qos, "", List.of(), true, true, 0, 0, null);
    }

    /** 6 nodes: "wide" on nodes 0–3 over [0, 400); "split" on nodes 0, 1 and 3 over [400, 800). */
    private static RunRecord blocks() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", 6, 8, 0)));
        List<JobFacts> jobs = List.of(JobFacts.ofSpec(0, spec(1, "wide", "normal", 4)), JobFacts.ofSpec(1, spec(2, "split", "owner", 3)));
        List<Segment> segs = List.of(new Segment(0, SegmentKind.RUNNING, 0, 400, new int[] {3, 1, 0, 2}),
                new Segment(1, SegmentKind.RUNNING, 400, 800, new int[] {0, 1, 3}));
        return new RunRecord("blocks", "test", cluster, jobs, segs, List.<LogEntry>of(), 0, 800, null, null);
    }

    /** The rectangles of one job, top to bottom. */
    private static List<double[]> rects(GanttFrame f, int job, BarKind kind) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.job(i) == job && GanttFrame.kindOf(f.style(i)) == kind) out.add(new double[] {f.x(i), f.y(i), f.w(i), f.h(i)});
        }
        out.sort(Comparator.comparingDouble(r -> r[1]));
        return out;
    }

    /**
     * Groups rectangles that touch or overlap (same x span, each starting at or above the previous
     * one's bottom) into blocks.
     */
    private static int blockCount(List<double[]> rects) {
        int blocks = 0;
        for (int i = 0; i < rects.size(); i++) {
            boolean continues = i > 0 && rects.get(i)[1] <= rects.get(i - 1)[1] + rects.get(i - 1)[3] + 1e-6
                    && rects.get(i - 1)[0] == rects.get(i)[0] && rects.get(i - 1)[2] == rects.get(i)[2];
            if (!continues) blocks++;
        }
        return blocks;
    }

    private static long labels(GanttFrame f, int job) {
        return IntStream.range(0, f.labelCount()).filter(i -> f.labelJob(i) == job).count();
    }

    @Test
    void a_job_on_adjacent_nodes_is_one_block_with_one_label() {
        GanttViewModel vm = vm(blocks(), 800, 400);
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        List<double[]> wide = rects(f, 0, BarKind.RUNNING);
        assertThat(wide).hasSize(4);
        assertThat(blockCount(wide)).isEqualTo(1);
        for (int i = 1; i < 4; i++) assertThat(wide.get(i)[1]).isEqualTo(wide.get(i - 1)[1] + wide.get(i - 1)[3]); // abut exactly
        LayoutRow node0 = vm.layout().stream().filter(r -> r.node() == 0).findFirst().orElseThrow();
        LayoutRow node3 = vm.layout().stream().filter(r -> r.node() == 3).findFirst().orElseThrow();
        assertThat(wide.get(0)[1]).isEqualTo(vm.screenY(node0) + 1); // a 1 px gap to the neighbours, none inside
        assertThat(wide.get(3)[1] + wide.get(3)[3]).isEqualTo(vm.screenY(node3) + node3.height() - 1);
        assertThat(labels(f, 0)).isEqualTo(1);
        double labelY = IntStream.range(0, f.labelCount()).filter(i -> f.labelJob(i) == 0).mapToDouble(f::labelY).findFirst().orElseThrow();
        assertThat(labelY).isCloseTo((vm.screenY(node0) + vm.screenY(node3) + node3.height()) / 2, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void a_job_on_nodes_that_are_not_adjacent_is_one_block_per_run_of_nodes() {
        GanttViewModel vm = vm(blocks(), 800, 400);
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        List<double[]> split = rects(f, 1, BarKind.RUNNING);
        assertThat(split).hasSize(3);
        assertThat(blockCount(split)).isEqualTo(2); // nodes 0–1, and node 3
        assertThat(split.get(2)[1] - (split.get(1)[1] + split.get(1)[3])).isGreaterThan(vm.rowHeight()); // node 2 between
        assertThat(labels(f, 1)).isEqualTo(2);
    }

    @Test
    void a_block_scrolled_half_away_is_labelled_on_its_first_visible_row() {
        GanttViewModel vm = vm(blocks(), 800, 400);
        vm.setRowHeight(30);
        vm.scrollTo(GanttViewModel.HEADER_HEIGHT + 2 * 30); // nodes 0 and 1 above the top
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        assertThat(labels(f, 0)).isEqualTo(1);
        int label = IntStream.range(0, f.labelCount()).filter(i -> f.labelJob(i) == 0).findFirst().orElseThrow();
        assertThat(f.labelY(label)).isGreaterThan(vm.plotTop());
    }

    @Test
    void a_processor_machine_has_a_row_per_processor_range_and_jobs_are_blocks_on_the_processor_axis() {
        ProcessorMachine machine = new ProcessorMachine(1152);
        List<JobFacts> jobs = List.of(JobFacts.ofSpec(0, JobSpec.ofProcessors(1, 0, 600, 1000, 1000)),
                JobFacts.ofSpec(1, JobSpec.ofProcessors(2, 0, 5, 1000, 1000)));
        int[] big = IntStream.range(0, 600).toArray();
        int[] small = IntStream.range(700, 705).toArray();
        List<Segment> segs = List.of(new Segment(0, SegmentKind.RUNNING, 0, 1000, big), new Segment(1, SegmentKind.RUNNING, 0, 1000, small));
        RunRecord run = new RunRecord("SDSC-BLUE-sized", "test", machine, jobs, segs, List.of(), 0, 1000, null, null);
        GanttViewModel vm = vm(run, 1000, 900);
        GanttIndex index = vm.index();
        assertThat(index.unitsPerRow()).isEqualTo(12);
        assertThat(index.rowCount()).isEqualTo(96);
        assertThat(index.groups().get(0).sizeText()).isEqualTo("1,152 processors, 12 processors a row");
        assertThat(index.rowName(1)).isEqualTo("p12–23");
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        List<double[]> rects = rects(f, 0, BarKind.RUNNING);
        assertThat(blockCount(rects)).isEqualTo(1);
        LayoutRow row0 = vm.layout().stream().filter(r -> r.node() == 0).findFirst().orElseThrow();
        double unitH = row0.height() / 12;
        double top = rects.get(0)[1], bottom = rects.get(rects.size() - 1)[1] + rects.get(rects.size() - 1)[3];
        assertThat(top).isCloseTo(vm.screenY(row0) + 1, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(bottom).isCloseTo(vm.screenY(row0) + 600 * unitH - 1, org.assertj.core.data.Offset.offset(1.0));
        assertThat(labels(f, 0)).isEqualTo(1);
        List<double[]> five = rects(f, 1, BarKind.RUNNING); // processors 700–704: inside row 58, at their place
        assertThat(five).isNotEmpty();
        assertThat(five.get(0)[1]).isCloseTo(vm.screenY(row0) + 700 * unitH + 1, org.assertj.core.data.Offset.offset(1.01));
    }

    @Test
    void an_80640_processor_machine_is_drawn_in_about_a_hundred_rows_from_sampled_processors() {
        GanttIndex index = new GanttIndex(new RunRecord("curie-sized", "test", new ProcessorMachine(80_640), List.of(), List.of(),
                List.of(), 0, 1, null, null));
        assertThat(index.unitsPerRow()).isEqualTo(768);
        assertThat(index.rowCount()).isEqualTo(105);
        assertThat(index.samplesPerRow()).isEqualTo(GanttIndex.MAX_SAMPLES);
        assertThat(index.sampleUnit(1, 1)).isEqualTo(768 + 12);
    }

    @Test
    void a_machine_too_tall_for_the_window_opens_with_its_pools_collapsed_to_occupancy_strips_and_expands() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("a", 300, 8, 0), NodePool.simple("b", 300, 8, 0)));
        List<JobFacts> jobs = List.of(JobFacts.ofSpec(0, spec(1, "j1", "normal", 150)), JobFacts.ofSpec(1, spec(2, "j2", "normal", 10)));
        List<Segment> segs = List.of(new Segment(0, SegmentKind.RUNNING, 0, 100, IntStream.range(0, 150).toArray()),
                new Segment(1, SegmentKind.RUNNING, 0, 50, IntStream.range(300, 310).toArray()),
                new Segment(1, SegmentKind.SUSPENDED, 50, 100, IntStream.range(300, 310).toArray()));
        RunRecord run = new RunRecord("600 nodes", "test", cluster, jobs, segs, List.of(), 0, 100, null, null);
        GanttViewModel vm = vm(run, 100, 600);
        assertThat(vm.isCollapsed(0)).isTrue();
        assertThat(vm.isCollapsed(1)).isTrue();
        assertThat(vm.layout()).hasSize(2).allMatch(LayoutRow::header);
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        java.util.Set<Integer> states = new java.util.TreeSet<>();
        double busyA = 0;
        for (int i = 0; i < f.size(); i++) {
            if (GanttFrame.kindOf(f.style(i)) != BarKind.POOL_LOAD) continue;
            states.add(GanttFrame.colorOf(f.style(i)));
            if (f.y(i) < vm.screenY(vm.layout().get(1)) && GanttFrame.colorOf(f.style(i)) == GanttPalette.LOAD_BUSY) busyA = f.h(i);
        }
        assertThat(states).contains(GanttPalette.LOAD_BUSY, GanttPalette.LOAD_SUSPENDED);
        assertThat(busyA / (GanttViewModel.STRIP_HEIGHT - 2)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.06)); // 150 of 300 nodes
        vm.toggleGroup(0); // expand pool a: its 300 rows share the height
        assertThat(vm.isCollapsed(0)).isFalse();
        assertThat(vm.layout()).hasSize(302);
        assertThat(vm.rowHeight()).isGreaterThanOrEqualTo(GanttViewModel.MIN_ROW_PX);
        vm.buildFrame(f);
        assertThat(rects(f, 0, BarKind.RUNNING)).isNotEmpty();
        vm.toggleGroup(0);
        assertThat(vm.layout()).hasSize(2);
    }

    @Test
    void a_small_machine_opens_expanded() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400, 600);
        assertThat(vm.isCollapsed(0)).isFalse();
        assertThat(vm.isCollapsed(1)).isFalse();
    }

    @Test
    void thin_rows_flatten_the_lanes_of_jobs_sharing_a_node_instead_of_drawing_hairlines() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400, 600);
        vm.setRowHeight(10); // node 0 has two lanes (j1 suspended under j2): 4 px each would be hairlines
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        for (int i = 0; i < f.size(); i++) {
            if (f.job(i) >= 0 && !GanttFrame.kindOf(f.style(i)).isMarker() && GanttFrame.kindOf(f.style(i)) != BarKind.LOST) {
                assertThat(f.h(i)).isGreaterThanOrEqualTo(10 - 2 - 1e-9);
            }
        }
        vm.setRowHeight(34); // tall enough: lanes, and the suspended lane says so
        vm.buildFrame(f);
        boolean suspendedLabel = false;
        for (int i = 0; i < f.labelCount(); i++) suspendedLabel |= GanttFrame.kindOf(f.labelStyle(i)) == BarKind.SUSPENDED;
        assertThat(suspendedLabel).isTrue();
        assertThat(GanttPainter.labelText("j1", BarKind.SUSPENDED, 200)).isEqualTo("j1 suspended");
    }

    @Test
    void colours_come_from_the_fixed_palette_by_name_so_a_name_keeps_its_colour_across_scenarios() {
        GanttViewModel a = vm(SyntheticRuns.preemptionRun(), 400, 600); // j1 normal, j2 owner, j3 normal, j4 preempt
        GanttViewModel b = vm(SyntheticRuns.dense(3, 4, 100), 400, 600); // j1 normal, j2 owner, … (other jobs, other order)
        assertThat(a.colorOfJob(0)).isEqualTo(b.colorOfJob(0)); // "j1" in both
        assertThat(a.colorOfJob(1)).isEqualTo(b.colorOfJob(1));
        assertThat(a.outlineOfJob(0)).isEqualTo(b.outlineOfJob(0)).isEqualTo(GanttPalette.colorIndexOf("normal", false));
        a.colorByProperty().set(ColorBy.QOS);
        b.colorByProperty().set(ColorBy.QOS);
        assertThat(a.colorOfJob(1)).isEqualTo(b.colorOfJob(1)).isEqualTo(GanttPalette.colorIndexOf("owner", false));
        assertThat(a.outlineOfJob(1)).isEqualTo(-1);
        assertThat(a.classNames()).containsExactly("normal", "owner", "preempt");
        // the documented colours of the usual QOS names, all different
        assertThat(GanttPalette.colorIndexOf("normal", false) / 4).isEqualTo(0); // blue
        assertThat(GanttPalette.colorIndexOf("owner", false) / 4).isEqualTo(1); // orange
        assertThat(GanttPalette.colorIndexOf("preempt", false) / 4).isEqualTo(2); // green
        List<String> usual = List.of("normal", "owner", "preempt", "borrow-suspend", "borrow-requeue", "borrow-ckpt", "fullmachine",
                "high", "low", "standby", "debug");
        assertThat(usual.stream().map(q -> GanttPalette.colorIndexOf(q, false)).distinct().count()).isEqualTo(usual.size());
    }

    @Test
    void a_50_second_checkpoint_and_the_event_marks_stay_visible_at_any_zoom() {
        RunRecord r = SyntheticRuns.preemptionRun();
        RunRecord longRun = new RunRecord(r.title(), r.policy(), r.cluster(), r.jobs(), r.segments(), r.log(), 0, 1_000_000, null, null);
        GanttViewModel vm = vm(longRun, 1_000_000, 600); // 800 px for 1,000,000 s: the checkpoint is 0.04 px
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);
        java.util.Map<BarKind, Double> narrowest = new java.util.EnumMap<>(BarKind.class);
        for (int i = 0; i < f.size(); i++) narrowest.merge(GanttFrame.kindOf(f.style(i)), f.w(i), Math::min);
        assertThat(narrowest.get(BarKind.CHECKPOINTING)).isGreaterThanOrEqualTo(GanttViewModel.MIN_EVENT_PX);
        assertThat(narrowest.get(BarKind.RESTARTING)).isGreaterThanOrEqualTo(GanttViewModel.MIN_EVENT_PX);
        assertThat(narrowest.get(BarKind.PREEMPT_MARK)).isGreaterThanOrEqualTo(GanttViewModel.MIN_MARKER_PX);
        assertThat(narrowest.get(BarKind.CHECKPOINT_MARK)).isGreaterThanOrEqualTo(GanttViewModel.MIN_MARKER_PX);
        assertThat(narrowest.get(BarKind.RESTART_MARK)).isGreaterThanOrEqualTo(GanttViewModel.MIN_MARKER_PX);
        assertThat(narrowest.get(BarKind.FAILURE_MARK)).isGreaterThanOrEqualTo(GanttViewModel.MIN_MARKER_PX);
    }

    @Test
    void a_maintenance_window_drawn_on_the_gantt_shows_before_the_next_run() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400, 600);
        GanttFrame f = new GanttFrame();
        vm.plannedMaintenance().add(new MaintenanceDrawing.Span(100, 100, "b", 2, 3));
        vm.buildFrame(f);
        int planned = 0;
        for (int i = 0; i < f.size(); i++) {
            if (GanttFrame.kindOf(f.style(i)) != BarKind.PLANNED_MAINTENANCE) continue;
            planned++;
            assertThat(f.x(i)).isCloseTo(vm.xOf(100), org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(planned).isEqualTo(2); // nodes 2 and 3 of pool b
    }
}
