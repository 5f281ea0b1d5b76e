package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.GanttPane;
import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.LayoutRow;
import org.preemptlab.scenario.MaintenanceDraft;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** In the run view's "draw maintenance" mode a drag over a pool's rows adds a window to the scenario. */
class DrawMaintenanceUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void dragging_over_a_pool_adds_a_maintenance_window(FxRobot robot) {
        var editor = shell.viewModel().editor();
        int before = editor.draft().maintenance().size();
        GanttPane pane = shell.window().runView().ganttPane();
        GanttViewModel g = pane.viewModel();
        String pool = g.index().groups().get(0).name();
        LayoutRow row = Fx.call(() -> g.layout().stream().filter(r -> !r.header() && r.group() == 0).findFirst().orElseThrow());

        // not in the mode: a drag pans and adds nothing
        double y = Fx.call(() -> g.screenY(row) + row.height() / 2);
        Point2D from = Fx.call(() -> pane.surface().localToScreen(g.plotLeft() + g.plotWidth() * 0.3, y));
        Point2D to = Fx.call(() -> pane.surface().localToScreen(g.plotLeft() + g.plotWidth() * 0.5, y));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        assertThat(editor.draft().maintenance()).hasSize(before);

        robot.clickOn("#draw-maintenance");
        assertThat(pane.drawMaintenanceProperty().get()).isTrue();
        double y2 = Fx.call(() -> g.screenY(row) + row.height() / 2);
        double x0 = g.plotLeft() + g.plotWidth() * 0.3, x1 = g.plotLeft() + g.plotWidth() * 0.5;
        long t0 = Fx.call(() -> (long) Math.floor(g.timeAt(x0))), t1 = Fx.call(() -> (long) Math.ceil(g.timeAt(x1)));
        robot.drag(Fx.call(() -> pane.surface().localToScreen(x0, y2)), MouseButton.PRIMARY)
                .moveTo(Fx.call(() -> pane.surface().localToScreen(x1, y2))).release(MouseButton.PRIMARY);

        assertThat(editor.draft().maintenance()).hasSize(before + 1);
        MaintenanceDraft w = editor.draft().maintenance().get(before);
        assertThat(w.pool()).isEqualTo(pool);
        assertThat(w.start()).isBetween(t0 - 900, t0 + 1);
        assertThat(w.start() + w.duration()).isBetween(t1 - 1, t1 + 900);
        assertThat(shell.viewModel().statusProperty().get()).contains("Added maintenance window");

        Fx.run(editor::undo);
        assertThat(editor.draft().maintenance()).hasSize(before);
    }
}
