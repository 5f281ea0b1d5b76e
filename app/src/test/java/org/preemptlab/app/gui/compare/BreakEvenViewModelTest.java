package org.preemptlab.app.gui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.maintenance.BreakEvenCell;
import org.preemptlab.maintenance.BreakEvenResult;
import org.preemptlab.maintenance.BreakEvenSpec;
import org.preemptlab.maintenance.BreakEvenSweep;
import org.preemptlab.maintenance.Winner;

/** Plain JUnit: no FX toolkit; the sweep runs on the test thread (and its own small pool). */
class BreakEvenViewModelTest {

    static ScenarioDraft sample() throws Exception {
        Path d = Paths.get("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).isNotNull();
        return ScenarioValidator.toDraft(ScenarioReader.read(d.resolve("sample-clusters/maintenance-checkpoint.json")));
    }

    /**
     * Issue 13: after "Compare drain vs checkpoint here" on a log-spaced axis, the runs' names (the Compare page's
     * column headers, chart titles and legends) read "63.1 MB/s", never "63.09573444801933 MB/s".
     */
    @Test
    void theComparedCellIsNamedInUnitsForPeople() throws Exception {
        ScenarioDraft draft = sample();
        BreakEvenViewModel vm = new BreakEvenViewModel(TaskRunner.sameThread(), () -> draft, 2);
        vm.bandwidthProperty().set("10:1000:6");
        vm.imageSizeProperty().set("1000:30000:2");
        assertThat(vm.run()).isTrue();
        vm.select(1, 2); // 30,000 MB per node at 10^(1 + 2 × 2/5) = 63.0957… MB/s
        assertThat(vm.selectedProperty().get().bandwidthMBps()).isCloseTo(63.0957, org.assertj.core.api.Assertions.within(1e-3));
        List<VariantPlan> plans = vm.selectedCellPlans();
        assertThat(plans).hasSize(2);
        for (VariantPlan p : plans) {
            assertThat(p.label()).contains("(63.1 MB/s, 29.3 GB per node)").doesNotContainPattern("\\d\\.\\d{4,}");
        }
        assertThat(vm.selectedTextProperty().get()).startsWith("bandwidth 63.1 MB/s, image 29.3 GB per node")
                .doesNotContainPattern("\\d\\.\\d{4,}");
    }

    @Test
    void sweepsTheGridAndDescribesAPickedCell() throws Exception {
        ScenarioDraft draft = sample();
        BreakEvenViewModel vm = new BreakEvenViewModel(TaskRunner.sameThread(), () -> draft, 2);
        vm.bandwidthProperty().set("10:10000:4");
        vm.imageSizeProperty().set("1024:65536:3");
        assertThat(vm.run()).isTrue();
        BreakEvenResult r = vm.resultProperty().get();
        assertThat(r.cells()).hasSize(12);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.messageProperty().get()).startsWith("4 × 3 cells: checkpoint is cheaper in").contains("break-even");
        // the same numbers as the model run directly
        BreakEvenResult direct = BreakEvenSweep.run(ScenarioValidator.toScenario(draft), new BreakEvenSpec(
                BreakEvenSpec.bandwidthAxis("b", "10:10000:4"), BreakEvenSpec.imageSizeAxis("i", "1024:65536:3"), null, null), 1, null);
        assertThat(r.cells()).isEqualTo(direct.cells());

        vm.select(2, 0); // 64 GB per node at 10 MB/s
        BreakEvenCell slowBig = vm.selectedProperty().get();
        assertThat(slowBig.winner()).isEqualTo(Winner.DRAIN);
        assertThat(vm.selectedTextProperty().get()).startsWith("bandwidth 10 MB/s, image 64 GB per node").contains("drain is cheaper by");
        vm.selectItem(3); // row 0 (1 GB), column 3 (10 GB/s)
        assertThat(vm.selectedProperty().get().bandwidthMBps()).isEqualTo(10_000.0);
        assertThat(vm.selectedProperty().get().winner()).isEqualTo(Winner.CHECKPOINT);
        assertThat(vm.selectedTextProperty().get()).contains("checkpoint is cheaper by");
        vm.select(7, 0);
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void theWindowCanBeMovedForTheSweep() throws Exception {
        ScenarioDraft draft = sample();
        BreakEvenViewModel vm = new BreakEvenViewModel(TaskRunner.sameThread(), () -> draft, 1);
        vm.bandwidthProperty().set("10:1000:2");
        vm.imageSizeProperty().set("16384:16384:1");
        assertThat(vm.run()).isTrue();
        long planned = vm.resultProperty().get().windowStart();
        double plannedDrain = vm.resultProperty().get().cells().get(0).drain().totalNodeHours();
        vm.windowStartProperty().set("4h");
        assertThat(vm.run()).isTrue();
        assertThat(vm.resultProperty().get().windowStart()).isEqualTo(4 * 3600).isNotEqualTo(planned);
        assertThat(vm.resultProperty().get().cells().get(0).drain().totalNodeHours()).isNotEqualTo(plannedDrain);
        vm.windowStartProperty().set("soon");
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Window start \"soon\": ");
    }

    @Test
    void badAxesAndAScenarioWithoutAWindowAreRefusedWithAMessage() throws Exception {
        BreakEvenViewModel vm = new BreakEvenViewModel(TaskRunner.sameThread(), DefaultScenario::create, 1);
        vm.bandwidthProperty().set("0:100:4");
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Bandwidth: bandwidth axis: min is 0 MB/s; must be positive");
        vm.bandwidthProperty().set("10:100");
        assertThat(vm.run()).isFalse();
        assertThat(vm.messageProperty().get()).contains("is not MIN:MAX:STEPS");
        ScenarioDraft noWindow = DefaultScenario.create().withMaintenance(List.of());
        BreakEvenViewModel none = new BreakEvenViewModel(TaskRunner.sameThread(), () -> noWindow, 1);
        assertThat(none.run()).isFalse();
        assertThat(none.messageProperty().get()).contains("no maintenance window");
        assertThat(none.resultProperty().get()).isNull();
    }

    @Test
    void aCancelledSweepSaysSoAndKeepsNoResult() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        TaskRunner held = new TaskRunner(pending::add, Runnable::run); // the worker runs only when the test says
        ScenarioDraft draft = sample();
        BreakEvenViewModel vm = new BreakEvenViewModel(held, () -> draft, 2);
        assertThat(vm.run()).isTrue();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.run()).isFalse(); // one at a time
        vm.cancel();
        pending.forEach(Runnable::run);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Break-even sweep cancelled.");
        assertThat(vm.resultProperty().get()).isNull();
    }
}
