package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.chartview.ChartBox;
import org.preemptlab.app.gui.compare.DifferenceGanttView;
import org.preemptlab.app.gui.compare.DifferenceGanttViewModel;
import org.preemptlab.app.gui.planner.PlannerView;
import org.preemptlab.metrics.CoreState;
import org.preemptlab.metrics.JobGrouping;
import org.preemptlab.sched.SchedulerKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The planner views through the real window: View ▸ Planner views (Shortcut+4) on the default
 * scenario's run, every chart exported as PNG, SVG and CSV; the difference Gantt from Compare. Writes
 * the screenshots of the utilization-by-state view, the waits-by-group view and a difference Gantt.
 */
class PlannerViewsUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void planner_views_of_the_run_with_exports(FxRobot robot) throws Exception {
        assertThat(shell.viewModel().runProperty().get()).as("the default scenario ran").isNotNull();
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.RUN));
        robot.clickOn("#backend-run"); // focus in the main window; runs the scenario again
        List<Window> before = List.copyOf(Window.getWindows());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        Stage planner = newStage(before);
        PlannerView view = (PlannerView) planner.getScene().getRoot();
        assertThat(view.tabs().getTabs()).extracting(Tab::getText).containsExactly("Utilization by state", "Backlog", "Waits by group");

        // utilization by state: seven stacked series in the fixed order, words in the caption
        ChartBox u = view.utilizationBox();
        assertThat(u.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(CoreState.values().length);
        assertThat(u.chart().getXYPlot().getDataset().getSeriesKey(0)).isEqualTo("busy");
        assertThat(u.caption()).matches("[\\d,]+ cores over .*: busy [\\d.]+ %.*").contains("suspended", "checkpoint / restart", "down");
        assertThat(robot.lookup("#state-legend").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).hasSize(7);
        exportAll(u, "utilization", "start_s,end_s,busy_cores", "Utilization by state");
        Fx.run(() -> view.tabs().getSelectionModel().select(0));
        Path shot = Screenshots.write(planner.getScene().getRoot(), "planner-utilization-by-state.png");
        assertThat(shot).isRegularFile();

        // backlog
        exportAll(view.backlogBox(), "backlog", "time_s,waiting_jobs,backlog_node_seconds", "Backlog");
        assertThat(view.backlogBox().caption()).contains("Peak", "node-h");

        // waits by group: the groupings this workload has, the table follows the choice
        List<JobGrouping> groupings = view.viewModel().groupings();
        assertThat(groupings).isNotEmpty();
        Fx.run(() -> view.tabs().getSelectionModel().select(2));
        JobGrouping pick = groupings.contains(JobGrouping.ACCOUNT) ? JobGrouping.ACCOUNT : groupings.get(0);
        Fx.run(() -> view.viewModel().groupingProperty().set(pick));
        assertThat(view.waitTable().getItems()).hasSizeGreaterThan(2);
        assertThat(view.waitTable().getItems().get(0).group()).isEqualTo("all");
        assertThat(view.waitsBox().chart().getTitle().getText()).startsWith("Wait-time CDF by " + pick.name());
        assertThat(view.waitsBox().chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(view.waitTable().getItems().size());
        exportAll(view.waitsBox(), "waits", "grouping,group,jobs,mean_s,p50_s", "Wait-time CDF");
        assertThat(Screenshots.write(planner.getScene().getRoot(), "planner-waits-by-group.png")).isRegularFile();
        Fx.run(planner::close);
    }

    @Test
    void difference_gantt_from_compare(FxRobot robot) throws Exception {
        Fx.run(() -> {
            var compare = shell.viewModel().compare();
            compare.chosen().clear();
            compare.chosen().addAll(List.of(SchedulerKind.FCFS, SchedulerKind.EASY));
            shell.viewModel().pageProperty().set(Page.COMPARE);
            shell.viewModel().runComparison();
        });
        List<Window> before = List.copyOf(Window.getWindows());
        robot.clickOn("#compare-difference-gantt");
        Stage diff = newStage(before);
        DifferenceGanttView view = (DifferenceGanttView) diff.getScene().getRoot();
        DifferenceGanttViewModel vm = view.viewModel();
        assertThat(vm.title()).isEqualTo("Difference Gantt: EASY backfill against FCFS");
        var c = vm.comparison();
        assertThat(c.earlier() + c.later()).as("EASY moves some jobs").isPositive();
        assertThat(view.chartBox().caption()).startsWith(c.earlier() + " job");
        assertThat(view.table().getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.move()).matches("[+-].*"));
        // the chart: a grey run bar per job, green bars for earlier starts, red for later
        var data = view.chartBox().chart().getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(vm.rows().size());
        assertThat(data.getItemCount(1)).isEqualTo((int) c.earlier());
        assertThat(data.getItemCount(2)).isEqualTo((int) Math.min(c.later(), vm.rows().size()));
        Fx.run(() -> vm.orderProperty().set(DifferenceGanttViewModel.Order.SIZE));
        assertThat(Math.abs(vm.rows().get(0).shift())).isEqualTo(Math.abs(c.largest(1).get(0).shift()));
        exportAll(view.chartBox(), "difference", "job,submit_s,start_a_s,start_b_s,shift_s", "Difference Gantt");
        assertThat(Screenshots.write(diff.getScene().getRoot(), "difference-gantt.png")).isRegularFile();
        Fx.run(diff::close);
    }

    /** Exports PNG, SVG and CSV and checks each file is what it says. */
    private void exportAll(ChartBox box, String name, String csvHeader, String title) throws Exception {
        Path dir = Files.createDirectories(home.resolve("exports"));
        Fx.run(() -> {
            try {
                box.export(ChartBox.Format.PNG, dir.resolve(name + ".png"));
                box.export(ChartBox.Format.SVG, dir.resolve(name + ".svg"));
                box.export(ChartBox.Format.CSV, dir.resolve(name + ".csv"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        var image = javax.imageio.ImageIO.read(dir.resolve(name + ".png").toFile());
        assertThat(image.getWidth()).isEqualTo(ChartBox.EXPORT_WIDTH);
        String svg = Files.readString(dir.resolve(name + ".svg")).strip();
        assertThat(svg).startsWith("<?xml").contains("<svg ").endsWith("</svg>").contains(">" + title);
        List<String> csv = Files.readAllLines(dir.resolve(name + ".csv"));
        assertThat(csv.get(0)).startsWith(csvHeader);
        assertThat(csv.size()).isGreaterThan(1);
    }

    private static Stage newStage(List<Window> before) {
        return Fx.call(() -> Window.getWindows().stream().filter(w -> !before.contains(w)).filter(w -> w instanceof Stage)
                .map(w -> (Stage) w).findFirst().orElseThrow(() -> new AssertionError("no new window opened")));
    }
}
