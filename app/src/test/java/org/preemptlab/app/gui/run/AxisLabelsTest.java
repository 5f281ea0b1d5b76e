package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13: the time axis' labels were clipped by the cursor's label ("21:0"); now such a label is left out, whole ones stay. */
class AxisLabelsTest {

    private static final double LEFT = 100, WIDTH = 800;

    @Test
    void a_tick_label_the_cursor_label_would_cover_is_left_out_and_the_others_stay_whole() {
        String cursor = "21:03:10";
        double tw = GanttPainter.cursorLabelWidth(cursor);
        double lx = 400; // the cursor's label box: 400 .. 400 + tw
        assertThat(GanttPainter.tickLabelShown(new TimeTick(380, 75_600, "21:00"), LEFT, WIDTH, true, lx, tw))
                .as("ends inside the cursor's box").isFalse();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(420, 75_600, "21:00"), LEFT, WIDTH, true, lx, tw))
                .as("starts inside the cursor's box").isFalse();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(380, 75_600, "21:00"), LEFT, WIDTH, false, lx, tw))
                .as("no cursor on screen").isTrue();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(200, 54_000, "15:00"), LEFT, WIDTH, true, lx, tw))
                .as("far from the cursor").isTrue();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(lx + tw + 8, 86_400, "1d 00:00"), LEFT, WIDTH, true, lx, tw))
                .as("just after the cursor's box").isTrue();
    }

    @Test
    void a_label_cut_at_the_right_edge_or_left_of_the_plot_is_left_out() {
        assertThat(GanttPainter.tickLabelShown(new TimeTick(WIDTH - 20, 0, "1d 00:00"), LEFT, WIDTH, false, 0, 0)).isFalse();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(LEFT - 1, 0, "00:00"), LEFT, WIDTH, false, 0, 0)).isFalse();
        assertThat(GanttPainter.tickLabelShown(new TimeTick(LEFT, 0, "00:00"), LEFT, WIDTH, false, 0, 0)).isTrue();
    }
}
