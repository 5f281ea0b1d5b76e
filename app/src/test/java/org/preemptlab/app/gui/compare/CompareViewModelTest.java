package org.preemptlab.app.gui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.app.gui.scenario.PolicyChoice;
import org.preemptlab.app.gui.scenario.PoolDraft;
import org.preemptlab.app.gui.scenario.ScenarioDraft;

/** Plain JUnit: no FX toolkit; simulations run on the test thread. */
class CompareViewModelTest {

    @Test
    void runs_the_chosen_schedulers_on_the_same_workload() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().addAll(List.of(PolicyChoice.EASY, PolicyChoice.FCFS));
        assertThat(vm.run()).isTrue();
        assertThat(vm.variants()).extracting(Variant::policy).containsExactly(PolicyChoice.FCFS, PolicyChoice.EASY);
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
        vm.chosen().addAll(List.of(PolicyChoice.EASY, PolicyChoice.FCFS));
        vm.run();
        vm.scrubTo(0.5);
        long t = vm.cursorProperty().get();
        assertThat(vm.variants()).allSatisfy(v -> assertThat(v.gantt().cursorProperty().get()).isEqualTo(t));
    }

    @Test
    void the_choice_must_hold_two_to_four_schedulers() {
        CompareViewModel vm = new CompareViewModel(TaskRunner.sameThread(), DefaultScenario::create);
        vm.chosen().clear();
        vm.chosen().add(PolicyChoice.EASY);
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).contains("at least 2");
        vm.chosen().addAll(List.of(PolicyChoice.values()));
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
        MetricRow util = new MetricRow("Utilization", false, "%.2f", new double[] {0.5, 0.75, 0.6});
        assertThat(util.best()).isEqualTo(1);
        assertThat(util.deltaPercent(1)).isEqualTo(50.0);
        MetricRow same = new MetricRow("x", true, "%.0f", new double[] {3, 3});
        assertThat(same.best()).isEqualTo(-1);
        assertThat(new MetricRow("y", true, "%.0f", new double[] {0, 2}).deltaPercent(1)).isNaN();
        assertThat(List.of(PoolDraft.of("a", 1, 1))).hasSize(1);
    }
}
