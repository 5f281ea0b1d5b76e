package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.compare.CompareView;
import org.preemptlab.app.gui.compare.MetricRow;
import org.preemptlab.sched.SchedulerKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Compare two and three schedulers through the real compare page. */
class CompareUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void compares_two_variants_with_a_shared_cursor(FxRobot robot) {
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.COMPARE));
        robot.clickOn("#variant-conservative"); // FCFS + EASY remain
        robot.clickOn("#run-compare");
        var compare = shell.viewModel().compare();
        assertThat(compare.variants()).extracting(v -> v.key()).containsExactly(SchedulerKind.FCFS.id(), SchedulerKind.EASY.id());
        TableView<MetricRow> table = robot.lookup("#compare-metrics").queryTableView();
        assertThat(table.getItems()).isNotEmpty();
        assertThat(table.getColumns()).hasSize(3);
        assertThat(table.getColumns()).allSatisfy(c -> assertThat(c.getWidth()).as(c.getText()).isGreaterThanOrEqualTo(120));
        // headers are the schedulers' names, whole: a long one wraps onto more lines instead of being cut
        assertThat(table.getColumns()).extracting(CompareView::headerText).containsExactly("Metric", "FCFS (baseline)", "EASY backfill");
        assertThat(table.getColumns().subList(1, 3)).allSatisfy(c -> assertThat(((javafx.scene.control.Label) c.getGraphic()).isWrapText()).isTrue());
        // the table reads in human units: no raw seconds, makespan as d / h / min
        MetricRow makespan = table.getItems().stream().filter(r -> r.name().equals("Makespan")).findFirst().orElseThrow();
        assertThat(makespan.cell(0)).matches("\\d[\\d,]* (d|h|min)( \\d+ (h|min|s))?");
        // each compared Gantt shows its whole schedule at once and is tall enough for its rows
        assertThat(compare.variants()).allSatisfy(v -> assertThat(v.gantt().showFutureProperty().get()).isTrue());
        var first = compare.variants().get(0).gantt().index();
        double least = CompareView.ganttHeight(first.rowCount(), first.groups().size());
        assertThat(least).isGreaterThan(110);
        assertThat(shell.compareView().ganttPanes()).allSatisfy(p -> assertThat(p.getHeight()).isGreaterThanOrEqualTo(least - 0.5));
        Fx.run(() -> compare.scrubTo(0.5));
        long t = compare.cursorProperty().get();
        assertThat(compare.variants()).allSatisfy(v -> assertThat(v.gantt().cursorProperty().get()).isEqualTo(t));
        Fx.run(() -> compare.variants().get(0).gantt().zoomAt(2, 400));
        assertThat(compare.variants().get(1).gantt().viewSpan()).isEqualTo(compare.variants().get(0).gantt().viewSpan());
    }

    @Test
    void compares_drain_and_checkpoint_from_the_strategy_bar(FxRobot robot) {
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.COMPARE));
        robot.clickOn("#strategy-kill"); // drain + checkpoint are picked at first
        robot.clickOn("#run-compare-strategies");
        var compare = shell.viewModel().compare();
        assertThat(compare.variants()).extracting(v -> v.key()).containsExactly("drain", "checkpoint", "kill");
        TableView<MetricRow> table = robot.lookup("#compare-metrics").queryTableView();
        assertThat(table.getColumns()).extracting(CompareView::headerText).containsExactly("Metric", "Maintenance: drain (baseline)",
                "Maintenance: checkpoint", "Maintenance: kill");
        robot.clickOn("#strategy-kill").clickOn("#strategy-checkpoint");
        robot.clickOn("#run-compare-strategies");
        assertThat(compare.messageProperty().get()).contains("1 picked");
    }

    @Test
    void compares_today_with_thirty_percent_more_load(FxRobot robot) {
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.COMPARE));
        robot.doubleClickOn("#load-growth").eraseText(4).write("30");
        robot.clickOn("#run-compare-load");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        var compare = shell.viewModel().compare();
        assertThat(compare.variants()).extracting(v -> v.key()).containsExactly("today", "load+30");
        TableView<MetricRow> table = robot.lookup("#compare-metrics").queryTableView();
        assertThat(table.getColumns()).extracting(CompareView::headerText)
                .containsExactly("Metric", "Today (baseline)", "+30 % load (arrivals × 1.3)");
        // the same jobs, arriving 1.3 times as fast: the submission span shrinks by 1.3
        var today = compare.variants().get(0).run().source().jobs();
        var grown = compare.variants().get(1).run().source().jobs();
        assertThat(grown).hasSameSizeAs(today);
        long first = today.stream().mapToLong(j -> j.spec().submit()).min().orElseThrow();
        for (int i = 0; i < today.size(); i++) {
            assertThat(grown.get(i).spec().submit() - first).isCloseTo(Math.round((today.get(i).spec().submit() - first) / 1.3),
                    org.assertj.core.data.Offset.offset(1L));
            assertThat(grown.get(i).spec().runtime()).isEqualTo(today.get(i).spec().runtime());
        }
        robot.doubleClickOn("#load-growth").eraseText(4).write("lots");
        robot.clickOn("#run-compare-load");
        assertThat(compare.messageProperty().get()).contains("not a number of percent");
    }

    @Test
    void too_few_variants_are_refused_with_a_message(FxRobot robot) {
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.COMPARE));
        robot.clickOn("#variant-fcfs").clickOn("#variant-easy");
        robot.clickOn("#run-compare");
        assertThat(shell.viewModel().compare().messageProperty().get()).contains("at least 2");
    }

    @Test
    void exports_the_compared_charts_as_svg_with_text_labels(FxRobot robot) throws Exception {
        Fx.run(() -> {
            var compare = shell.viewModel().compare();
            compare.chosen().clear();
            compare.chosen().addAll(java.util.List.of(SchedulerKind.FCFS, SchedulerKind.EASY));
            shell.viewModel().runComparison();
        });
        Path out = home.resolve("export/charts.svg");
        Fx.run(() -> shell.exportChartsSvg(out));
        for (String[] f : new String[][] {{"queue", "Queue length", "jobs waiting"}, {"utilization", "Utilization", "cores doing useful work (%)"},
                {"wait-cdf", "Wait-time CDF", "jobs that waited at most this long (%)"}}) {
            String svg = java.nio.file.Files.readString(home.resolve("export/charts-" + f[0] + ".svg")).strip();
            assertThat(svg).contains("<svg ").endsWith("</svg>").contains(">" + f[1] + "<", ">" + f[2] + "<", ">FCFS<", ">EASY backfill<");
        }
    }

    @Test
    void writes_the_compare_screenshot(FxRobot robot) {
        Fx.run(() -> {
            var compare = shell.viewModel().compare();
            compare.chosen().clear();
            compare.chosen().addAll(java.util.List.of(SchedulerKind.FCFS, SchedulerKind.EASY));
            shell.viewModel().runComparison();
            compare.scrubTo(0.45);
        });
        assertThat(shell.viewModel().compare().variants()).hasSize(2);
        // the maintenance cost rows' names are whole, on two lines (they ended in "…")
        java.util.Set<javafx.scene.control.TableCell> cells = robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class);
        assertThat(cells).filteredOn(c -> c.getText() != null && c.getText().startsWith("Maintenance:")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getText()).startsWith("Maintenance:\n"))
                .allSatisfy(c -> assertThat(((javafx.scene.text.Text) c.lookup(".text")).getText()).as("shown whole").doesNotContain("…").doesNotContain("..."));
        assertThat(Screenshots.write(stage.getScene().getRoot(), "compare-view.png")).isRegularFile().startsWith(Screenshots.dir());
    }
}
