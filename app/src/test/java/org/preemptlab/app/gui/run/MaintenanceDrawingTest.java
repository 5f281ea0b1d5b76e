package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.sim.MaintenanceStrategy;

/** Pixels to times and rows to pools for windows drawn on the Gantt; no FX toolkit. */
class MaintenanceDrawingTest {

    private GanttViewModel vm() {
        GanttViewModel vm = new GanttViewModel(new GanttIndex(SyntheticRuns.preemptionRun()), new SimpleLongProperty(0));
        vm.setViewport(GanttViewModel.GUTTER_WIDTH + 400, 600);
        vm.setVisibleRange(0, 400); // 1 px per second
        return vm;
    }

    /** Screen y of the middle of a node's row. */
    private static double rowY(GanttViewModel vm, int node) {
        LayoutRow r = vm.layout().stream().filter(x -> !x.header() && x.node() == node).findFirst().orElseThrow();
        return vm.screenY(r) + r.height() / 2;
    }

    private static double headerY(GanttViewModel vm, int group) {
        LayoutRow r = vm.layout().stream().filter(x -> x.header() && x.group() == group).findFirst().orElseThrow();
        return vm.screenY(r) + r.height() / 2;
    }

    @Test
    void a_drag_over_one_pools_rows_is_a_window_on_that_pool() {
        GanttViewModel vm = vm();
        var span = MaintenanceDrawing.span(vm, vm.xOf(100.4), rowY(vm, 0), vm.xOf(250.2), rowY(vm, 1)).orElseThrow();
        assertThat(span.start()).isEqualTo(100);
        assertThat(span.end()).isEqualTo(251);
        assertThat(span.duration()).isEqualTo(151);
        assertThat(span.pool()).isEqualTo("a");
        assertThat(span.firstRow()).isEqualTo(0);
        assertThat(span.lastRow()).isEqualTo(1);
        // right to left and from the header: the same pool, the same span
        var back = MaintenanceDrawing.span(vm, vm.xOf(250.2), headerY(vm, 0), vm.xOf(100.4), rowY(vm, 0)).orElseThrow();
        assertThat(back).isEqualTo(span);
        var b = MaintenanceDrawing.span(vm, vm.xOf(10), rowY(vm, 3), vm.xOf(20), rowY(vm, 2)).orElseThrow();
        assertThat(b.pool()).isEqualTo("b");
        assertThat(b.firstRow()).isEqualTo(2);
        assertThat(b.lastRow()).isEqualTo(3);
    }

    @Test
    void a_drag_across_pools_or_from_the_axis_covers_every_node() {
        GanttViewModel vm = vm();
        var across = MaintenanceDrawing.span(vm, vm.xOf(0), rowY(vm, 1), vm.xOf(60), rowY(vm, 2)).orElseThrow();
        assertThat(across.pool()).isEqualTo(MaintenanceDraft.ALL_NODES);
        assertThat(across.firstRow()).isEqualTo(0);
        assertThat(across.lastRow()).isEqualTo(3);
        var axis = MaintenanceDrawing.span(vm, vm.xOf(0), vm.plotTop() - 5, vm.xOf(60), vm.plotTop() - 5).orElseThrow();
        assertThat(axis.pool()).isEqualTo(MaintenanceDraft.ALL_NODES);
    }

    @Test
    void times_snap_to_a_step_that_fits_the_zoom_and_stay_in_the_plot() {
        GanttViewModel vm = vm();
        assertThat(MaintenanceDrawing.snap(vm)).isEqualTo(1);
        vm.setViewport(GanttViewModel.GUTTER_WIDTH + 40, 600);
        vm.setVisibleRange(0, 5200); // the widest view of this run: 130 s per pixel
        assertThat(MaintenanceDrawing.snap(vm)).isEqualTo(300);
        var span = MaintenanceDrawing.span(vm, vm.xOf(1000), rowY(vm, 0), vm.xOf(4000), rowY(vm, 0)).orElseThrow();
        assertThat(span.start()).isEqualTo(900);
        assertThat(span.end()).isEqualTo(4200);
        vm.setViewport(GanttViewModel.GUTTER_WIDTH + 400, 600);
        // starting in the node-name gutter clamps to the plot's left edge; times are never negative
        vm.setVisibleRange(-100, 400);
        var clamped = MaintenanceDrawing.span(vm, 5, rowY(vm, 0), vm.xOf(50), rowY(vm, 0)).orElseThrow();
        assertThat(clamped.start()).isEqualTo(0);
        assertThat(clamped.end()).isEqualTo(50);
    }

    @Test
    void a_click_draws_nothing() {
        GanttViewModel vm = vm();
        assertThat(MaintenanceDrawing.span(vm, vm.xOf(100), rowY(vm, 0), vm.xOf(101), rowY(vm, 0))).isEmpty();
        assertThat(MaintenanceDrawing.span(vm, 2, rowY(vm, 0), 40, rowY(vm, 0))).isEmpty(); // all in the gutter
    }

    @Test
    void the_span_becomes_a_window_of_the_draft() {
        var span = new MaintenanceDrawing.Span(600, 1200, "a", 0, 1);
        MaintenanceDraft w = MaintenanceDrawing.window(span, List.of("a", "b"), "m", MaintenanceStrategy.DRAIN);
        assertThat(w).isEqualTo(MaintenanceDraft.onPool("m", "a", 600, 1200, MaintenanceStrategy.DRAIN));
        // a pool the draft no longer has (renamed since the run): every node
        assertThat(MaintenanceDrawing.window(span, List.of("x"), "m", MaintenanceStrategy.DRAIN).pool())
                .isEqualTo(MaintenanceDraft.ALL_NODES);
    }
}
