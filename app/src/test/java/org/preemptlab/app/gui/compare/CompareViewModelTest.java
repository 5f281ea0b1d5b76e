package org.preemptlab.app.gui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioDraft;

/** Plain JUnit: no FX toolkit; simulations run on the test thread. */
class CompareViewModelTest {

    @Test
    void runs_the_chosen_schedulers_on_the_same_workload() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        assertThat(vm.run()).isTrue();
        assertThat(vm.variants()).extracting(Variant::key).containsExactly(SchedulerKind.FCFS.id(), SchedulerKind.EASY.id());
        assertThat(vm.variants().get(0).run().jobs()).hasSameSizeAs(vm.variants().get(1).run().jobs());
        MetricRow wait = vm.metrics().stream().filter(r -> r.name().equals("Mean wait")).findFirst().orElseThrow();
        assertThat(wait.values()[1]).isLessThan(wait.values()[0]); // EASY backfills: less waiting than FCFS
        assertThat(wait.best()).isEqualTo(1);
        assertThat(wait.cell(1)).contains("%");
        assertThat(vm.queueSeries()).hasSize(2);
        assertThat(java.util.Arrays.stream(vm.utilizationSeries().get(0).y()).boxed().toList()).allSatisfy(u -> assertThat(u).isBetween(0.0, 1.0));
        double[] cdf = vm.waitCdf().get(0).y();
        assertThat(cdf[cdf.length - 1]).isEqualTo(1.0);
    }

    @Test
    void the_cursor_is_shared_by_every_gantt() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        vm.run();
        vm.scrubTo(0.5);
        long t = vm.cursorProperty().get();
        assertThat(vm.variants()).allSatisfy(v -> assertThat(v.gantt().cursorProperty().get()).isEqualTo(t));
    }

    @Test
    void the_choice_must_hold_two_to_four_schedulers() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().add(SchedulerKind.EASY);
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).contains("at least 2");
        vm.chosen().addAll(List.of(SchedulerKind.values()));
        assertThat(vm.choiceProblem()).contains("at most 4");
    }

    @Test
    void an_invalid_scenario_is_refused_with_its_problem() {
        ScenarioDraft bad = DefaultScenario.create().withPool(0, p -> p.withNodes(0));
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), () -> bad);
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).contains("cluster.pools[0].nodes");
    }

    @Test
    void metric_rows_mark_the_better_value_and_deltas() {
        MetricRow util = new MetricRow("Utilization", false, MetricRow.Unit.SHARE, new double[] {0.5, 0.75, 0.6});
        assertThat(util.best()).isEqualTo(1);
        assertThat(util.deltaPercent(1)).isEqualTo(50.0);
        assertThat(util.cell(0)).isEqualTo("50.0 %");
        assertThat(util.cell(1)).isEqualTo("75.0 %  (+25.0 pt)"); // shares change in percentage points
        MetricRow same = new MetricRow("x", true, MetricRow.Unit.NUMBER, new double[] {3, 3});
        assertThat(same.best()).isEqualTo(-1);
        assertThat(new MetricRow("y", true, MetricRow.Unit.NUMBER, new double[] {0, 2}).deltaPercent(1)).isNaN();
        assertThat(List.of(PoolDraft.of("a", 1, 1))).hasSize(1);
    }

    @Test
    void metric_cells_are_in_human_units_and_never_say_n_a() {
        MetricRow makespan = new MetricRow("Makespan", true, MetricRow.Unit.DURATION, new double[] {165_300, 150_000});
        assertThat(makespan.cell(0)).isEqualTo("1 d 22 h");
        assertThat(makespan.cell(1)).isEqualTo("1 d 18 h  (-9.3 %)");
        MetricRow io = new MetricRow("Checkpoint + restart I/O", true, MetricRow.Unit.CORE_SECONDS, new double[] {29_447_968, 0});
        assertThat(io.cell(0)).isEqualTo("8,180 core-h");
        assertThat(io.cell(1)).isEqualTo("0 core-h  (-100.0 %)");
        MetricRow preempted = new MetricRow("Jobs preempted", true, MetricRow.Unit.SHARE, new double[] {0, 0.125});
        assertThat(preempted.cell(1)).isEqualTo("12.5 %  (+12.5 pt)");
        MetricRow lost = new MetricRow("Lost work", true, MetricRow.Unit.DURATION, new double[] {0, 18_600});
        assertThat(lost.cell(1)).isEqualTo("5 h 10 min  (+5 h 10 min)");
        MetricRow killed = new MetricRow("Jobs killed for good", true, MetricRow.Unit.JOBS, new double[] {1, 3});
        assertThat(killed.cell(0)).isEqualTo("1 job");
        assertThat(killed.cell(1)).isEqualTo("3 jobs  (+200.0 %)");
        assertThat(new MetricRow("idle", true, MetricRow.Unit.NODE_HOURS, new double[] {12.5}).cell(0)).isEqualTo("12.5 node-h");
    }

    @Test
    void the_table_of_a_real_comparison_has_no_raw_seconds() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        assertThat(vm.run()).isTrue();
        for (MetricRow r : vm.metrics()) {
            for (int i = 0; i < r.values().length; i++) {
                assertThat(r.cell(i)).as(r.name()).doesNotMatch(".*\\d{5,}.*").doesNotContain("core·s").doesNotContain("n/a");
            }
        }
        MetricRow makespan = vm.metrics().stream().filter(r -> r.name().equals("Makespan")).findFirst().orElseThrow();
        assertThat(makespan.text(0)).isEqualTo(org.preemptlab.units.Units.duration((long) makespan.values()[0])).matches(".* (h|min|d)( .*)?");
    }

    @Test
    void a_scenario_with_a_maintenance_window_gets_its_cost_rows() throws Exception {
        var sample = BreakEvenViewModelTest.sample(); // 8 nodes, 30 jobs, a window on the whole machine at 10:00
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), () -> sample);
        assertThat(vm.runStrategies()).isTrue();
        assertThat(vm.metrics()).extracting(MetricRow::name).contains(CompareViewModel.IDLE_BEFORE_T, CompareViewModel.LOST,
                CompareViewModel.IO, CompareViewModel.COST);
        MetricRow idle = row(vm, CompareViewModel.IDLE_BEFORE_T);
        MetricRow io = row(vm, CompareViewModel.IO);
        MetricRow cost = row(vm, CompareViewModel.COST);
        assertThat(idle.unit()).isEqualTo(MetricRow.Unit.NODE_HOURS);
        assertThat(idle.cell(0)).endsWith(" node-h");
        // as the maintenance command counts it: drain idles nodes before T, checkpoint writes images
        assertThat(idle.values()[0]).isGreaterThan(idle.values()[1]);
        assertThat(io.values()[1]).isGreaterThan(io.values()[0]);
        for (int i = 0; i < 2; i++) {
            assertThat(cost.values()[i]).isCloseTo(idle.values()[i] + row(vm, CompareViewModel.LOST).values()[i] + io.values()[i],
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        // the energy the idle nodes drew before T: idle node-hours × 150 W; checkpoint at T writes inside the window
        MetricRow energy = row(vm, CompareViewModel.IDLE_ENERGY);
        assertThat(energy.cell(0)).endsWith(" kWh");
        for (int i = 0; i < 2; i++) assertThat(energy.values()[i]).isCloseTo(idle.values()[i] * 0.150, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row(vm, CompareViewModel.MISSES).values()[1]).as("checkpoint at T: writes after T").isPositive();
        // without a window there are no such rows
        CompareViewModel plain = new CompareViewModel(TaskRunner.sameThread(), () -> DefaultScenario.create().withMaintenance(List.of()));
        plain.chosen().clear();
        plain.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        assertThat(plain.run()).isTrue();
        assertThat(plain.metrics()).extracting(MetricRow::name).doesNotContain(CompareViewModel.IDLE_BEFORE_T);
    }

    private static MetricRow row(CompareViewModel vm, String name) {
        return vm.metrics().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_default_choice_includes_the_scenarios_scheduler() {
        ScenarioDraft niu = DefaultScenario.create().withScheduler(org.preemptlab.scenario.SchedulerSpec.of(SchedulerKind.AGGRESSIVE_CHECKPOINT));
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), () -> niu);
        vm.followScenario();
        assertThat(vm.chosen()).containsExactlyInAnyOrder(SchedulerKind.FCFS, SchedulerKind.EASY, SchedulerKind.AGGRESSIVE_CHECKPOINT);
        // a choice the user made is kept
        vm.chosen().remove(SchedulerKind.FCFS);
        CompareViewModel easy = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        easy.followScenario();
        assertThat(easy.chosen()).containsExactlyInAnyOrder(SchedulerKind.FCFS, SchedulerKind.EASY, SchedulerKind.CONSERVATIVE);
        vm.followScenario();
        assertThat(vm.chosen()).containsExactlyInAnyOrder(SchedulerKind.EASY, SchedulerKind.AGGRESSIVE_CHECKPOINT);
    }

    @Test
    void the_queue_chart_starts_where_the_others_do() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        vm.run();
        double start = vm.start() / vm.chartTimeUnit().seconds();
        for (ChartSeries s : vm.queueSeries()) {
            assertThat(s.x()[0]).isEqualTo(start);
            assertThat(s.y()[0]).isZero();
        }
        assertThat(vm.utilizationSeries().get(0).x()[0]).isGreaterThanOrEqualTo(start);
    }

    @Test
    void compares_maintenance_strategies_on_the_same_workload() throws Exception {
        var sample = BreakEvenViewModelTest.sample(); // 8 nodes, 30 jobs, a window on the whole machine at 10:00
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), () -> sample);
        assertThat(vm.chosenStrategies()).containsExactlyInAnyOrder(org.preemptlab.sim.MaintenanceStrategy.DRAIN,
                org.preemptlab.sim.MaintenanceStrategy.CHECKPOINT);
        assertThat(vm.runStrategies()).isTrue();
        assertThat(vm.variants()).extracting(Variant::key).containsExactly("drain", "checkpoint");
        assertThat(vm.messageProperty().get()).startsWith("Compared 2 maintenance strategies on 30 jobs");
        // checkpoint writes the images of the jobs running at the window's start; drain starts nothing that
        // would cross it, so only a job that resumed from a suspension can still be running there
        java.util.function.Predicate<org.preemptlab.sim.LogEntry> checkpointedForTheWindow = e ->
                e.kind() == org.preemptlab.sim.LogKind.CHECKPOINT_BEGIN && e.reason().text().contains("maintenance window");
        var drainLog = vm.variants().get(0).run().log();
        var checkpointLog = vm.variants().get(1).run().log();
        long drained = drainLog.stream().filter(checkpointedForTheWindow).count();
        assertThat(checkpointLog.stream().filter(checkpointedForTheWindow).count()).isGreaterThan(drained);
        for (var e : drainLog.stream().filter(checkpointedForTheWindow).toList()) {
            assertThat(drainLog).as("job %d ran across the drained window without resuming", e.job())
                    .anyMatch(x -> x.job() == e.job() && x.kind() == org.preemptlab.sim.LogKind.RESUME && x.time() < e.time());
        }

        vm.chosenStrategies().remove(org.preemptlab.sim.MaintenanceStrategy.DRAIN);
        assertThat(vm.runStrategies()).isFalse();
        assertThat(vm.messageProperty().get()).contains("1 picked");
        CompareViewModel none = new CompareViewModel(TaskRunner.sameThread(), () -> DefaultScenario.create().withMaintenance(List.of()));
        assertThat(none.runStrategies()).isFalse();
        assertThat(none.messageProperty().get()).contains("no maintenance window");
    }

    @Test
    void a_break_even_cell_opens_as_drain_and_checkpoint_runs() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        assertThat(vm.runBreakEvenCell()).isFalse();
        vm.breakEven().bandwidthProperty().set("10:1000:2");
        vm.breakEven().imageSizeProperty().set("65536:65536:1");
        assertThat(vm.breakEven().run()).isTrue();
        vm.breakEven().select(0, 0);
        var cell = vm.breakEven().selectedProperty().get();
        assertThat(vm.runBreakEvenCell()).isTrue();
        assertThat(vm.variants()).extracting(Variant::key).containsExactly("drain", "checkpoint-before");
        assertThat(vm.variants().get(1).label()).isEqualTo("checkpoint-before (10 MB/s, 64 GB per node)");
        // the runs are the cell's: the node-hours the engine spent writing and reading images match the cell's I/O cost
        double ioNodeHours = vm.variants().get(1).run().source().jobs().stream()
                .mapToDouble(j -> (double) (j.checkpointSeconds() + j.restartSeconds()) * j.spec().nodes()).sum() / 3600;
        assertThat(ioNodeHours).isCloseTo(cell.checkpoint().ioNodeHours(), org.assertj.core.data.Offset.offset(1e-9));
    }
}
