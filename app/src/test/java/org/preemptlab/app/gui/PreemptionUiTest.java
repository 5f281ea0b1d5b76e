package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.BarKind;
import org.preemptlab.app.gui.run.DecisionItem;
import org.preemptlab.app.gui.run.GanttFrame;
import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.LayoutRow;
import org.preemptlab.app.gui.run.RunViewModel;
import org.preemptlab.sim.LogKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The walk-through: open the default sample, press "Decision ▶▶" until a preemption shows
 * in the Why list, scrub back, and check the Gantt model under the cursor; then write the run-view
 * screenshot mid-preemption.
 */
class PreemptionUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void step_until_a_preemption_then_scrub_back_and_check_the_gantt(FxRobot robot) {
        RunViewModel run = shell.viewModel().runProperty().get();
        ListView<DecisionItem> why = robot.lookup("#why").queryListView();
        DecisionItem preemption = null;
        for (int presses = 0; presses < 200 && preemption == null; presses++) {
            robot.clickOn("#step-decision");
            DecisionItem shown = why.getSelectionModel().getSelectedItem();
            if (shown != null && shown.entry().kind() == LogKind.PREEMPT) preemption = shown;
        }
        assertThat(preemption).as("a preemption within 200 decisions").isNotNull();
        assertThat(preemption.text()).isNotBlank();
        long t = run.cursor();
        int victim = preemption.entry().job();
        assertThat(run.gantt().isHighlighted(victim)).isTrue();
        assertThat(run.history()).extracting(h -> h.event()).contains("preempt");

        // scrub back to the start and forward again: the picture at t is the same
        GanttFrame atT = frame(run.gantt());
        Fx.run(() -> run.scrubTo(0));
        assertThat(run.cursor()).isEqualTo(run.run().startTime());
        Fx.run(() -> run.setCursor(t));
        GanttFrame again = frame(run.gantt());
        assertThat(again.size()).isEqualTo(atT.size());

        // the Gantt model under the cursor: the victim's bar on its node ends at t (it was preempted there)
        int node = preemption.entry().nodes()[0];
        Fx.run(() -> run.setCursor(t + 1));
        GanttViewModel g = run.gantt();
        LayoutRow row = g.layout().stream().filter(r -> r.node() == node).findFirst().orElseThrow();
        Fx.run(() -> g.zoomAt(1, g.xOf(t)));
        var hit = g.hitTest(g.xOf(t) - 2, g.screenY(row) + row.height() - 3);
        var any = g.hitTest(g.xOf(t) - 2, g.screenY(row) + 3);
        assertThat(java.util.stream.Stream.of(hit, any).flatMap(java.util.Optional::stream))
                .anySatisfy(h -> assertThat(h.job()).isEqualTo(victim));
    }

    @Test
    void writes_the_run_view_screenshot_mid_preemption(FxRobot robot) {
        RunViewModel run = shell.viewModel().runProperty().get();
        Fx.run(() -> {
            // zoom on the maintenance window of the private pool (5:00–6:00), where jobs are suspended,
            // checkpointed, restarted and lose work
            run.gantt().setVisibleRange(2.5 * 3600, 5.5 * 3600);
            run.filterProperty().set(org.preemptlab.app.gui.run.LogFilter.PREEMPTION);
            DecisionItem suspend = run.decisions().stream()
                    .filter(d -> d.time() > 6 * 3600 && d.entry().kind() == LogKind.PREEMPT).findFirst().orElseThrow();
            run.selectDecision(suspend);
            run.setCursor(suspend.time() + 600);
        });
        GanttFrame f = frame(run.gantt());
        java.util.EnumSet<BarKind> kinds = java.util.EnumSet.noneOf(BarKind.class);
        for (int i = 0; i < f.size(); i++) kinds.add(GanttFrame.kindOf(f.style(i)));
        assertThat(kinds).contains(BarKind.SUSPENDED, BarKind.RUNNING, BarKind.CHECKPOINTING, BarKind.RESTARTING,
                BarKind.MAINTENANCE);
        assertThat(Screenshots.write(stage.getScene().getRoot(), "run-view.png")).isRegularFile().startsWith(Screenshots.dir());
    }

    private static GanttFrame frame(GanttViewModel g) {
        return Fx.call(() -> {
            GanttFrame f = new GanttFrame();
            g.buildFrame(f);
            return f;
        });
    }
}
