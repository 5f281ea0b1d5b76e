package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.chartview.ChartBox;
import org.preemptlab.app.gui.planner.PlannerView;
import org.preemptlab.app.gui.planner.PlannerViewModel;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.metrics.JobGrouping;
import org.preemptlab.sim.Simulation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A version-2 run in the planner views: the "Pending by reason" tab, its chart, exports and words. */
@ExtendWith(ApplicationExtension.class)
class SlurmRunUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    static RunRecord run(String sample) throws Exception {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        var s = ScenarioReader.read(d.resolve("sample-clusters").resolve(sample));
        return RunRecord.of(s.name(), new Simulation(s.toConfig(true)).run());
    }

    @Test
    void pending_jobs_by_reason_is_a_planner_chart_exportable_like_the_others(FxRobot robot, @TempDir Path dir) throws Exception {
        PlannerViewModel vm = new PlannerViewModel(run("qos-per-user-limit.json"), List.of());
        PlannerView view = Fx.call(() -> new PlannerView(vm));
        Fx.run(() -> {
            stage.setScene(new Scene(view, 1000, 700));
            view.tabs().getSelectionModel().select(3);
        });
        assertThat(view.tabs().getTabs()).extracting(Tab::getText)
                .containsExactly("Utilization by state", "Backlog", "Waits by group", "Pending by reason");
        ChartBox box = view.pendingBox();
        String limit = PendingReason.QOS_MAX_JOBS_PER_USER.label();
        // the lesson: four jobs held by the per-user limit at first, then two, then none
        assertThat(vm.pendingReasons()).contains(PendingReason.QOS_MAX_JOBS_PER_USER);
        double[][] pts = vm.pendingPoints(PendingReason.QOS_MAX_JOBS_PER_USER);
        assertThat(pts[1]).contains(4.0, 2.0, 0.0);
        assertThat(box.caption()).contains(limit + ": up to 4 jobs");
        int series = box.chart().getXYPlot().getDataset().getSeriesCount();
        assertThat(series).isEqualTo(vm.pendingReasons().size());
        assertThat(box.chart().getXYPlot().getDataset().getSeriesKey(0)).isEqualTo(vm.pendingReasons().get(0).label());

        Fx.run(() -> {
            try {
                box.export(ChartBox.Format.PNG, dir.resolve("p.png"));
                box.export(ChartBox.Format.SVG, dir.resolve("p.svg"));
                box.export(ChartBox.Format.CSV, dir.resolve("p.csv"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.readAllBytes(dir.resolve("p.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("p.svg"))).contains("<svg ").contains(">Pending jobs by reason");
        List<String> csv = Files.readAllLines(dir.resolve("p.csv"));
        assertThat(csv.get(0)).startsWith("time_s,").contains(limit);
        int col = List.of(csv.get(0).split(",")).indexOf(limit);
        assertThat(csv.get(1).split(",")[0]).as("first point at time 0 s").isEqualTo("0");
        assertThat(csv.get(1).split(",")[col]).as("jobs held by the limit at time 0").isEqualTo("4");
    }

    @Test
    void a_version_1_run_has_no_pending_tab_and_v2_groupings_appear_only_for_v2(FxRobot robot) throws Exception {
        PlannerViewModel v1 = new PlannerViewModel(run("suspend-vs-memory.json"), List.of());
        PlannerView view = Fx.call(() -> new PlannerView(v1));
        assertThat(view.tabs().getTabs()).hasSize(3);
        assertThat(view.pendingBox()).isNull();
        assertThat(v1.groupings()).doesNotContain(JobGrouping.SLURM_ACCOUNT, JobGrouping.SLURM_PARTITION);

        PlannerViewModel v2 = new PlannerViewModel(run("fairshare-catch-up.json"), List.of());
        assertThat(v2.groupings()).contains(JobGrouping.SLURM_ACCOUNT);
        v2.groupingProperty().set(JobGrouping.SLURM_ACCOUNT);
        assertThat(v2.waitRows()).hasSizeGreaterThanOrEqualTo(3); // all + ≥ 2 accounts
        assertThat(v2.waitCsv()).contains("account (Slurm)");
    }
}
