package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit is started. */
class GanttViewModelTest {

    private GanttViewModel vm(RunRecord run, long cursor) {
        GanttViewModel vm = new GanttViewModel(new GanttIndex(run), new SimpleLongProperty(cursor));
        vm.setViewport(GanttViewModel.GUTTER_WIDTH + 400, 600);
        vm.setVisibleRange(0, 400); // 1 px per second
        return vm;
    }

    @Test
    void nothing_after_the_cursor_is_drawn_unless_the_future_is_shown() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 100);
        GanttFrame frame = new GanttFrame();
        vm.buildFrame(frame);
        for (int i = 0; i < frame.size(); i++) {
            boolean mark = GanttFrame.kindOf(frame.style(i)).isMarker(); // a moment, drawn centred on its time
            if (frame.job(i) >= 0 && !mark) assertThat(frame.x(i) + frame.w(i)).isLessThanOrEqualTo(vm.xOf(100) + 1e-9);
            if (mark) assertThat(frame.x(i) + frame.w(i) / 2).isLessThanOrEqualTo(vm.xOf(100) + 1e-9);
        }
        vm.showFutureProperty().set(true);
        vm.buildFrame(frame);
        boolean faded = false;
        for (int i = 0; i < frame.size(); i++) faded |= GanttFrame.isFaded(frame.style(i));
        assertThat(faded).isTrue();
    }

    @Test
    void stepping_back_gives_exactly_the_earlier_picture() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 130);
        GanttFrame before = new GanttFrame();
        vm.buildFrame(before);
        vm.cursorProperty().set(400);
        vm.cursorProperty().set(130);
        GanttFrame after = new GanttFrame();
        vm.buildFrame(after);
        assertThat(after.size()).isEqualTo(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.x(i)).isEqualTo(before.x(i));
            assertThat(after.w(i)).isEqualTo(before.w(i));
            assertThat(after.style(i)).isEqualTo(before.style(i));
        }
    }

    @Test
    void frame_shows_suspended_checkpointing_restarting_and_lost_work() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        GanttFrame frame = new GanttFrame();
        vm.buildFrame(frame);
        java.util.EnumSet<BarKind> kinds = java.util.EnumSet.noneOf(BarKind.class);
        for (int i = 0; i < frame.size(); i++) kinds.add(GanttFrame.kindOf(frame.style(i)));
        assertThat(kinds).contains(BarKind.RUNNING, BarKind.SUSPENDED, BarKind.CHECKPOINTING, BarKind.RESTARTING,
                BarKind.LOST, BarKind.QUEUE);
    }

    @Test
    void hit_test_finds_the_bar_under_the_mouse_and_its_kind() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        LayoutRow node2 = vm.layout().stream().filter(r -> r.node() == 2).findFirst().orElseThrow();
        double y = vm.screenY(node2) + node2.height() / 2;
        Optional<GanttHit> hit = vm.hitTest(vm.xOf(225), y);
        assertThat(hit).isPresent();
        assertThat(hit.get().job()).isEqualTo(2);
        assertThat(hit.get().kind()).isEqualTo(BarKind.CHECKPOINTING);
        LayoutRow node1 = vm.layout().stream().filter(r -> r.node() == 1).findFirst().orElseThrow();
        assertThat(vm.hitTest(vm.xOf(80), vm.screenY(node1) + 5).orElseThrow().kind()).isEqualTo(BarKind.LOST);
        assertThat(vm.hitTest(vm.xOf(350), vm.screenY(node1) + 5)).isEmpty();
        vm.cursorProperty().set(60);
        assertThat(vm.hitTest(vm.xOf(225), y)).isEmpty(); // not yet happened at the cursor
    }

    @Test
    void sub_pixel_bars_are_merged_per_row() {
        // 20 rows × 10 000 bars of 1 s over 10 000 s drawn on 400 px: 25 bars per pixel
        GanttViewModel vm = vm(SyntheticRuns.dense(20, 10_000, 1), 10_000);
        vm.setVisibleRange(0, 10_000);
        GanttFrame frame = new GanttFrame();
        vm.buildFrame(frame);
        int bars = 0;
        for (int i = 0; i < frame.size(); i++) if (GanttFrame.kindOf(frame.style(i)) == BarKind.MERGED) bars++;
        assertThat(bars).isBetween(20, 40);
        assertThat(frame.size()).isLessThan(100);
    }

    @Test
    void only_rows_in_the_viewport_are_visited() {
        GanttViewModel vm = vm(SyntheticRuns.dense(500, 4, 100), 400);
        vm.setRowHeight(20);
        GanttFrame frame = new GanttFrame();
        vm.buildFrame(frame);
        int visibleRows = (int) Math.ceil(vm.plotHeight() / 20) + 1;
        assertThat(frame.size()).isLessThanOrEqualTo(visibleRows * 4 + 400);
        for (int i = 0; i < frame.size(); i++) assertThat(frame.y(i)).isLessThanOrEqualTo(vm.height());
    }

    @Test
    void zoom_keeps_the_time_under_the_mouse() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        double x = vm.xOf(200);
        vm.zoomAt(2, x);
        assertThat(vm.viewSpan()).isEqualTo(200);
        assertThat(vm.timeAt(x)).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-6));
        vm.panByPixels(50);
        assertThat(vm.timeAt(x)).isCloseTo(175, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void collapsing_a_pool_hides_its_rows_and_shows_its_load() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        assertThat(vm.layout()).hasSize(6);
        vm.toggleGroup(0);
        assertThat(vm.layout()).hasSize(4);
        GanttFrame frame = new GanttFrame();
        vm.buildFrame(frame);
        boolean load = false;
        for (int i = 0; i < frame.size(); i++) load |= GanttFrame.kindOf(frame.style(i)) == BarKind.POOL_LOAD;
        assertThat(load).isTrue();
        assertThat(vm.groupHeaderAt(vm.plotTop() + 2)).isZero();
    }

    @Test
    void highlight_mask_follows_the_selection() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        vm.highlightedJobs().add(2);
        vm.selectedJobProperty().set(1);
        assertThat(vm.isHighlighted(2)).isTrue();
        assertThat(vm.isHighlighted(1)).isTrue();
        vm.selectedJobProperty().set(3);
        assertThat(vm.isHighlighted(1)).isFalse();
        vm.highlightedJobs().clear();
        assertThat(vm.isHighlighted(2)).isFalse();
    }

    @Test
    void time_axis_ticks_are_far_enough_apart() {
        GanttViewModel vm = vm(SyntheticRuns.preemptionRun(), 400);
        var ticks = vm.ticks();
        assertThat(ticks).isNotEmpty();
        for (int i = 1; i < ticks.size(); i++) assertThat(ticks.get(i).x() - ticks.get(i - 1).x()).isGreaterThanOrEqualTo(90);
        assertThat(TimeAxis.label(90_000, 3600)).isEqualTo("1d 01:00");
    }

    private static RunRecord until(RunRecord r, long end) {
        return new RunRecord(r.title(), r.policy(), r.cluster(), r.jobs(), r.segments(), r.log(), r.startTime(), end, null, null);
    }

    @Test
    void a_live_frame_keeps_the_users_zoom_scroll_and_collapsed_pools() {
        RunRecord run = SyntheticRuns.preemptionRun();
        GanttViewModel first = vm(until(run, 300), 300);
        first.zoomAt(4, GanttViewModel.GUTTER_WIDTH + 100); // zoom in around t = 100
        first.setRowHeight(40);
        first.setCollapsed(1, true);
        double start = first.viewStart(), span = first.viewSpan();

        GanttViewModel next = new GanttViewModel(new GanttIndex(until(run, 310)), new SimpleLongProperty(310));
        next.continueViewOf(first);

        assertThat(next.viewStart()).isEqualTo(start);
        assertThat(next.viewSpan()).isEqualTo(span);
        assertThat(next.rowHeight()).isEqualTo(40);
        assertThat(next.isCollapsed(1)).isTrue();
        assertThat(next.width()).isEqualTo(first.width());
    }

    @Test
    void a_view_that_showed_the_live_edge_follows_it_and_an_untouched_view_fits_the_new_frame() {
        RunRecord run = SyntheticRuns.preemptionRun();
        GanttViewModel first = vm(until(run, 300), 300);
        first.setVisibleRange(250, 100); // shows [250, 350): the edge (300) is in view
        GanttViewModel next = new GanttViewModel(new GanttIndex(until(run, 340)), new SimpleLongProperty(340));
        next.continueViewOf(first);
        assertThat(next.viewStart()).isEqualTo(290.0);
        assertThat(next.viewSpan()).isEqualTo(100.0);

        GanttViewModel untouched = new GanttViewModel(new GanttIndex(until(run, 300)), new SimpleLongProperty(300));
        GanttViewModel fitted = new GanttViewModel(new GanttIndex(until(run, 340)), new SimpleLongProperty(340));
        double fitSpan = fitted.viewSpan();
        fitted.continueViewOf(untouched);
        assertThat(fitted.viewSpan()).isEqualTo(fitSpan);
    }
}
