package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.GanttPane;
import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.LayoutRow;
import org.preemptlab.scenario.ReservationDraft;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * In the run view's "draw reservation" mode a drag over a pool's rows adds an advance reservation
 * on that pool's nodes to the scenario (as maintenance windows are drawn); the two modes exclude
 * each other; undo takes it back.
 */
class DrawReservationUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void dragging_over_a_pool_adds_a_reservation_on_its_nodes(FxRobot robot) {
        var editor = shell.viewModel().editor();
        int before = editor.draft().reservations().size();
        int maintenanceBefore = editor.draft().maintenance().size();
        GanttPane pane = shell.window().runView().ganttPane();
        GanttViewModel g = pane.viewModel();
        LayoutRow row0 = Fx.call(() -> g.layout().stream().filter(r -> !r.header() && r.group() == 0).findFirst().orElseThrow());

        robot.clickOn("#draw-maintenance");
        assertThat(pane.drawMaintenanceProperty().get()).isTrue();
        // the run view's toolbar puts what does not fit (at the test screen's 1280 px) in its overflow menu
        if (robot.lookup("#draw-reservation").tryQuery().filter(javafx.scene.Node::isVisible).isEmpty()) {
            robot.clickOn(".tool-bar-overflow-button");
        }
        robot.clickOn("#draw-reservation");
        assertThat(pane.drawReservationProperty().get()).isTrue();
        assertThat(pane.drawMaintenanceProperty().get()).as("one drawing mode at a time").isFalse();
        LayoutRow row = Fx.call(() -> g.layout().stream().filter(r -> !r.header() && r.group() == 0).findFirst().orElseThrow());
        double y = Fx.call(() -> g.screenY(row) + row.height() / 2);
        double x0 = g.plotLeft() + g.plotWidth() * 0.3, x1 = g.plotLeft() + g.plotWidth() * 0.5;
        long t0 = Fx.call(() -> (long) Math.floor(g.timeAt(x0))), t1 = Fx.call(() -> (long) Math.ceil(g.timeAt(x1)));
        robot.drag(Fx.call(() -> pane.surface().localToScreen(x0, y)), MouseButton.PRIMARY)
                .moveTo(Fx.call(() -> pane.surface().localToScreen(x1, y))).release(MouseButton.PRIMARY);

        assertThat(editor.draft().maintenance()).hasSize(maintenanceBefore);
        assertThat(editor.draft().reservations()).hasSize(before + 1);
        ReservationDraft r = editor.draft().reservations().get(before);
        int poolNodes = editor.draft().pools().get(0).nodes();
        assertThat(r.spec().nodes()).hasSize(poolNodes).startsWith(0);
        assertThat(r.spec().start()).isBetween(t0 - 900, t0 + 1);
        assertThat(r.spec().end()).isBetween(t1 - 1, t1 + 900);
        assertThat(shell.viewModel().statusProperty().get()).contains("Added reservation " + r.spec().name());

        Fx.run(editor::undo);
        assertThat(editor.draft().reservations()).hasSize(before);
    }
}
