package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.run.BarKind;
import org.preemptlab.app.gui.run.ColorBy;
import org.preemptlab.app.gui.run.GanttFrame;
import org.preemptlab.app.gui.run.GanttPane;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.run.RunView;
import org.preemptlab.app.gui.run.RunViewModel;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.SimulationConfig;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Gantt at real cluster sizes, in the real run view (headless Monocle): a 64-node scenario, a
 * slice of SDSC-BLUE (1,152 processors) and of CEA-Curie (80,640 processors) read as job blocks
 * with names; the colour-by choice recolours the chart. Writes the documentation's screenshots
 * (refreshed with {@code -Dscreenshots.update=true}). The trace tests skip with a message when
 * ../shared/traces lacks the trace.
 */
@ExtendWith(ApplicationExtension.class)
class GanttScreenshotsUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1440, 900));
        stage.show();
    }

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        return d;
    }

    /** A trace of ../shared/traces whose name starts with {@code prefix}, or a skipped test. */
    private static Path trace(String prefix) throws IOException {
        Path traces = root().getParent().resolve("shared").resolve("traces");
        Assumptions.assumeTrue(Files.isDirectory(traces), traces + " is absent: skipping a test that needs shared/traces");
        Optional<Path> found;
        try (Stream<Path> files = Files.list(traces)) {
            found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().findFirst();
        }
        Assumptions.assumeTrue(found.isPresent(), "no " + prefix + "* trace in " + traces + ": skipping");
        return found.get();
    }

    private static RunRecord traceRun(Path trace, int firstJob, int jobs) throws Exception {
        SwfTrace t = SwfReader.read(trace, SwfReadOptions.defaults().withMaxJobs(firstJob + jobs));
        List<JobSpec> slice = t.jobs().subList(Math.min(firstJob, t.jobs().size()), t.jobs().size());
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(t.machineProcs()), slice, new EasyBackfillPolicy(), true);
        return ScenarioRunner.simulate(trace.getFileName() + ", jobs " + (firstJob + 1) + "–" + (firstJob + slice.size()) + " (EASY)",
                config, ProgressSink.NONE);
    }

    /** Shows {@code run} in a run view, cursor at {@code cursorAt} of the run, {@code hours} in view from {@code fromAt}. */
    private GanttPane show(RunRecord run, double cursorAt, double fromAt, double hours) {
        RunViewModel vm = new RunViewModel(run);
        RunView view = Fx.call(() -> new RunView(vm));
        Fx.run(() -> {
            stage.getScene().setRoot(view);
            vm.setCursor(run.startTime() + (long) (run.span() * cursorAt));
            vm.gantt().showFutureProperty().set(true);
            vm.gantt().setVisibleRange(run.startTime() + run.span() * fromAt, hours * 3600);
        });
        Fx.run(() -> view.ganttPane().redraw());
        return view.ganttPane();
    }

    private static int labels(GanttPane pane) {
        return pane.surface().lastFrame().labelCount();
    }

    @Test
    void a_64_node_scenario_reads_as_job_blocks_with_names() throws Exception {
        Path file = root().resolve("sample-clusters").resolve("maintenance-drain-vs-checkpoint.json");
        RunRecord run = ScenarioRunner.simulate("64 nodes", ScenarioConverter.toConfig(ScenarioFiles.read(file)), ProgressSink.NONE);
        GanttPane pane = show(run, 0.45, 0.05, 20);
        assertThat(pane.viewModel().index().rowCount()).isEqualTo(64);
        assertThat(pane.viewModel().isCollapsed(0)).isFalse();
        assertThat(pane.viewModel().rowHeight()).isGreaterThanOrEqualTo(7);
        assertThat(labels(pane)).as("job names on the blocks").isGreaterThanOrEqualTo(10);
        assertThat(Screenshots.write(stage.getScene().getRoot(), "gantt-64-nodes.png")).exists();
        int before = pane.viewModel().colorOfJob(0);
        Fx.run(() -> pane.viewModel().colorByProperty().set(ColorBy.QOS));
        assertThat(pane.viewModel().classNames()).isNotEmpty();
        assertThat(pane.viewModel().colorOfJob(0)).isNotEqualTo(-1);
        Fx.run(() -> pane.viewModel().colorByProperty().set(ColorBy.JOB));
        assertThat(pane.viewModel().colorOfJob(0)).isEqualTo(before);
    }

    @Test
    void the_sdsc_blue_slice_reads_like_a_node_chart() throws Exception {
        RunRecord run = traceRun(trace("SDSC-BLUE"), 20_000, 1_500);
        GanttPane pane = show(run, 0.5, 0.3, 24);
        assertThat(pane.viewModel().index().unitCount()).isEqualTo(1152);
        assertThat(pane.viewModel().index().rowCount()).isEqualTo(96);
        assertThat(Screenshots.write(stage.getScene().getRoot(), "gantt-sdsc-blue.png")).exists();
        assertThat(labels(pane)).as("job numbers on the blocks").isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_cea_curie_slice_reads_like_a_node_chart() throws Exception {
        RunRecord run = traceRun(trace("CEA-Curie"), 100_000, 3_000);
        GanttPane pane = show(run, 0.5, 0.3, 24);
        assertThat(pane.viewModel().index().unitCount()).isEqualTo(80_640);
        assertThat(pane.viewModel().index().rowCount()).isEqualTo(105);
        assertThat(Screenshots.write(stage.getScene().getRoot(), "gantt-cea-curie.png")).exists();
        assertThat(labels(pane)).as("job numbers on the blocks").isGreaterThanOrEqualTo(5);
    }

    /**
     * The stand-in for CEA-Curie, whose trace is not on this machine (nor in ../shared): a machine of Curie's size
     * (80,640 processors) running the Lublin–Feitelson model (batch and interactive classes, Tsafrir estimates) for that
     * machine, its arrivals scaled to an offered load of 90 %, scheduled by EASY; a day of it in view. The picture at
     * that scale is checked on every run.
     */
    @Test
    void an_80640_processor_machine_reads_like_a_node_chart() throws Exception {
        int procs = 80_640;
        List<JobSpec> model = org.preemptlab.workload.LublinModel.of(4_000, procs, true, 13).generate();
        List<JobSpec> jobs = org.preemptlab.growth.LoadScaling.arrivals(model, 0.9 / org.preemptlab.sweep.Saturation.offeredLoad(model, procs));
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(procs), jobs, new EasyBackfillPolicy(), true);
        RunRecord run = ScenarioRunner.simulate("80,640 processors (CEA-Curie's size), Lublin–Feitelson at 90 % load (4,000 jobs, EASY)",
                config, ProgressSink.NONE);
        GanttPane pane = show(run, 0.5, 0.4, 24);
        assertThat(pane.viewModel().index().unitCount()).isEqualTo(procs);
        assertThat(pane.viewModel().index().rowCount()).isEqualTo(105);
        assertThat(Screenshots.write(stage.getScene().getRoot(), "gantt-80640-processors.png")).exists();
        assertThat(labels(pane)).as("job numbers on the blocks").isGreaterThanOrEqualTo(5);
    }
}
