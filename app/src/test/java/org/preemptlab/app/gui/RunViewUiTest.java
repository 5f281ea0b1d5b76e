package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.BarKind;
import org.preemptlab.app.gui.run.DecisionItem;
import org.preemptlab.app.gui.run.GanttFrame;
import org.preemptlab.app.gui.run.RunViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless (Monocle): the default scenario, the Gantt, stepping. */
class RunViewUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void opens_on_the_default_scenario_with_a_populated_gantt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        RunViewModel run = shell.viewModel().runProperty().get();
        assertThat(run).isNotNull();
        assertThat(run.run().jobs()).hasSize(40);
        Fx.run(run::jumpToEnd);
        GanttFrame frame = shell.window().runView().ganttPane().viewModel() == run.gantt()
                ? frameOf(run) : null;
        assertThat(frame).isNotNull();
        int bars = 0;
        for (int i = 0; i < frame.size(); i++) if (GanttFrame.kindOf(frame.style(i)) == BarKind.RUNNING) bars++;
        assertThat(bars).isGreaterThan(30);
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void step_to_decisions_fills_the_why_list_and_scrubbing_back_is_exact(FxRobot robot) {
        RunViewModel run = shell.viewModel().runProperty().get();
        robot.clickOn("#step-decision");
        robot.clickOn("#step-decision");
        robot.clickOn("#step-decision");
        WaitForAsyncUtils.waitForFxEvents();
        long t = run.cursor();
        assertThat(t).isGreaterThanOrEqualTo(0);
        ListView<DecisionItem> why = robot.lookup("#why").queryListView();
        DecisionItem selected = why.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(selected.time()).isEqualTo(t);
        assertThat(run.gantt().highlightedJobs()).contains(selected.entry().job());
        var before = run.metricsProperty().get();
        Fx.run(() -> run.scrubTo(0.9));
        Fx.run(() -> run.setCursor(t));
        assertThat(run.metricsProperty().get()).isEqualTo(before);
        robot.clickOn("#tab-editor");
        robot.clickOn("#tab-run");
    }

    /** Issue 13: a Why row shows its whole reason on two lines, not cut with "…" after one. */
    @Test
    void why_rows_show_the_whole_reason(FxRobot robot) {
        RunViewModel run = shell.viewModel().runProperty().get();
        Fx.run(() -> {
            run.setCursor(run.run().startTime() + (long) (run.run().span() * 0.3));
            run.stepNextDecision();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var shown = Fx.call(() -> robot.lookup("#why").lookup(".why-text").queryAll().stream()
                .map(n -> (javafx.scene.control.Label) n).filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                        && l.getText().length() <= 90)
                .map(l -> l.getText() + " → " + ((javafx.scene.text.Text) l.lookup(".text")).getText()).toList());
        assertThat(shown).as("Why rows of up to 90 characters").isNotEmpty();
        assertThat(shown).allSatisfy(row -> assertThat(row).doesNotEndWith("…").doesNotEndWith("..."));
    }

    @Test
    void writes_the_run_view_screenshot(FxRobot robot) {
        RunViewModel run = shell.viewModel().runProperty().get();
        Fx.run(() -> {
            run.setCursor(run.run().startTime() + (long) (run.run().span() * 0.62));
            run.gantt().showFutureProperty().set(true);
            run.stepNextDecision();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Screenshots.write(stage.getScene().getRoot(), "run-view-overview.png");
        assertThat(out).exists();
        assertThat(out.toFile().length()).isGreaterThan(10_000);
    }

    private static GanttFrame frameOf(RunViewModel run) {
        GanttFrame f = new GanttFrame();
        run.gantt().buildFrame(f);
        return f;
    }
}
