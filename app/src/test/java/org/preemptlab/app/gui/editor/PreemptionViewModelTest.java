package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.mechanism.PreemptMechanism.CHECKPOINT;
import static org.preemptlab.mechanism.PreemptMechanism.KILL;
import static org.preemptlab.mechanism.PreemptMechanism.REQUEUE;
import static org.preemptlab.mechanism.PreemptMechanism.SUSPEND;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.editor.PreemptionViewModel.Field;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.slurmsched.BackfillPlans;

/** Plain JUnit: no FX toolkit. */
class PreemptionViewModelTest {

    private final EditorViewModel editor = new EditorViewModel(DefaultScenario.create());
    private final PreemptionViewModel vm = editor.preemption();

    @TempDir
    Path dir;

    @Test
    void every_field_goes_into_the_draft() {
        vm.setVictimOrder(VictimOrder.LEAST_WORK_LOST);
        assertThat(vm.setExempt("5m")).isTrue();
        assertThat(vm.setGrace("90")).isTrue();
        vm.setRequeueAtHead(true);
        assertThat(vm.setDefaultChain("suspend, checkpoint, requeue, kill")).isTrue();
        assertThat(vm.setTier("normal", "3")).isTrue();
        assertThat(vm.addQos("debug")).isTrue();
        assertThat(vm.setChain("debug", "checkpoint kill")).isTrue();
        vm.setImageModel(false);
        assertThat(vm.setCheckpointSeconds("3m35s")).isTrue();
        assertThat(vm.setRestartSeconds("100")).isTrue();
        assertThat(vm.setStorage("250.5")).isTrue();

        ScenarioDraft d = editor.draft();
        PreemptionRules r = d.rules();
        assertThat(r.victimOrder()).isEqualTo(VictimOrder.LEAST_WORK_LOST);
        assertThat(r.exemptSeconds()).isEqualTo(300);
        assertThat(r.defaultChain()).containsExactly(SUSPEND, CHECKPOINT, REQUEUE, KILL);
        assertThat(r.tiers()).containsEntry("normal", 3).containsEntry("debug", 0);
        assertThat(r.chains()).containsEntry("debug", List.of(CHECKPOINT, KILL));
        assertThat(r.ownerPreemption()).isEqualTo(DefaultScenario.create().rules().ownerPreemption());
        PreemptionSettings s = d.settings();
        assertThat(s.graceSeconds()).isEqualTo(90);
        assertThat(s.requeueAtHead()).isTrue();
        assertThat(s.cost()).isEqualTo(CheckpointCost.fixed(215, 100));
        assertThat(s.storageMBps()).isEqualTo(250.5);
        assertThat(vm.qosRows()).extracting(PreemptionViewModel.QosRow::qos).startsWith("normal");

        vm.setImageModel(true);
        assertThat(editor.draft().settings().cost()).isEqualTo(CheckpointCost.imageSize());
        assertThat(vm.imageModelProperty().get()).isTrue();

        assertThat(vm.setChain("debug", "")).isTrue();
        assertThat(editor.draft().rules().chains()).doesNotContainKey("debug");
        assertThat(vm.removeQos("debug")).isTrue();
        assertThat(editor.draft().rules().tiers()).doesNotContainKey("debug");
    }

    @Test
    void aggressive_checkpoint_parameters_go_into_the_scheduler() {
        assertThat(vm.setP("0.5")).isFalse();
        assertThat(vm.error(Field.P)).contains("aggressive-checkpoint");
        editor.setPolicy(SchedulerKind.AGGRESSIVE_CHECKPOINT);
        assertThat(vm.aggressiveProperty().get()).isTrue();
        assertThat(vm.setP("0.5")).isTrue();
        assertThat(vm.setThreshold("1h")).isTrue();
        assertThat(vm.setExtend("10m")).isTrue();
        vm.setKillInstead(true);
        assertThat(editor.draft().scheduler()).isEqualTo(SchedulerSpec.aggressiveCheckpoint(0.5, 3600, 600, true));
        assertThat(vm.error(Field.P)).isEmpty();
    }

    @Test
    void invalid_values_are_refused_with_a_message_and_leave_the_draft_alone() {
        editor.setPolicy(SchedulerKind.AGGRESSIVE_CHECKPOINT);
        ScenarioDraft before = editor.draft();

        assertThat(vm.setGrace("-5")).isFalse();
        assertThat(vm.error(Field.GRACE)).contains("GraceTime").contains("-5");
        assertThat(vm.setExempt("soon")).isFalse();
        assertThat(vm.error(Field.EXEMPT)).contains("not a duration");
        assertThat(vm.setDefaultChain("suspend, pause")).isFalse();
        assertThat(vm.error(Field.DEFAULT_CHAIN)).contains("\"pause\" is not a preemption mechanism");
        assertThat(vm.setDefaultChain(" ")).isFalse();
        assertThat(vm.setP("0")).isFalse();
        assertThat(vm.error(Field.P)).contains("p is 0.0; must be > 0");
        assertThat(vm.setP("1.5")).isFalse();
        assertThat(vm.setStorage("0")).isFalse();
        assertThat(vm.error(Field.STORAGE)).contains("must be > 0");
        assertThat(vm.setCheckpointSeconds("60")).isFalse(); // image model: no fixed times
        assertThat(vm.setChain("normal", "pause")).isFalse();
        assertThat(vm.error(Field.QOS)).contains("pause");
        assertThat(vm.setTier("normal", "high")).isFalse();
        assertThat(vm.addQos("normal")).isFalse();
        assertThat(vm.addQos("two words")).isFalse();

        assertThat(editor.draft()).isSameAs(before);
        // what the user typed stays in the field, to be corrected
        assertThat(vm.textProperty(Field.GRACE).get()).isEqualTo("-5");
        assertThat(vm.setGrace("1m")).isTrue();
        assertThat(vm.error(Field.GRACE)).isEmpty();
    }

    /** Issue 10, bug 3: an inline error is one of the scenario's problems, so nothing runs with the old value. */
    @Test
    void a_field_that_does_not_parse_is_a_problem_of_the_scenario_until_fixed() {
        assertThat(editor.isValid()).isTrue();
        assertThat(vm.setDefaultChain("suspnd, kill")).isFalse();

        assertThat(editor.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("preemption.defaultChain");
            assertThat(i.message()).contains("suspnd").isEqualTo(vm.error(Field.DEFAULT_CHAIN));
        });
        assertThat(editor.isValid()).isFalse();
        assertThat(editor.issueFor("preemption.defaultChain")).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(editor::checkInput)
                .isInstanceOf(org.preemptlab.scenario.ScenarioException.class)
                .hasMessageContaining("preemption.defaultChain");

        assertThat(vm.setGrace("soon")).isFalse(); // two fields, two problems
        assertThat(editor.issues()).extracting(i -> i.path())
                .containsExactlyInAnyOrder("preemption.defaultChain", "preemption.graceSeconds");

        assertThat(vm.setDefaultChain("suspend, kill")).isTrue();
        assertThat(vm.setGrace("1m")).isTrue();
        assertThat(editor.issues()).isEmpty();
        assertThat(editor.draft().rules().defaultChain()).containsExactly(SUSPEND, KILL);
    }

    @Test
    void opening_another_scenario_drops_the_input_problems_of_the_old_one() {
        vm.setExempt("soon");
        editor.reportInput("cluster.pools[1].nodes", "\"x\" is not a whole number");
        assertThat(editor.issues()).hasSize(2);
        editor.load(DefaultScenario.create().withName("other"));
        assertThat(editor.issues()).isEmpty();
        assertThat(vm.error(Field.EXEMPT)).isEmpty();
        assertThat(vm.textProperty(Field.EXEMPT).get()).isEqualTo("0s");
    }

    @Test
    void removing_a_pool_drops_the_input_problems_of_the_pools_it_renumbers() {
        editor.reportInput("cluster.pools[0].coresPerNode", "\"x\" is not a whole number");
        editor.reportInput("cluster.pools[1].nodes", "\"y\" is not a whole number");
        assertThat(editor.inputProblems()).hasSize(2);
        editor.removePool(1);
        assertThat(editor.inputProblems()).extracting(i -> i.path()).containsExactly("cluster.pools[0].coresPerNode");
        editor.reportInput("cluster.pools[0].coresPerNode", "");
        assertThat(editor.issues()).isEmpty();
    }

    @Test
    void undo_restores_the_previous_rules_and_the_fields() {
        PreemptionRules original = editor.draft().rules();
        vm.setExempt("10m");
        vm.setDefaultChain("suspend, kill");
        assertThat(editor.history().undoLabelProperty().get()).isEqualTo("Undo change default chain");
        editor.undo();
        assertThat(editor.draft().rules().exemptSeconds()).isEqualTo(600);
        assertThat(editor.draft().rules().defaultChain()).isEqualTo(original.defaultChain());
        assertThat(vm.textProperty(Field.DEFAULT_CHAIN).get())
                .isEqualTo(PreemptionViewModel.QosRow.chainText(original.defaultChain()));
        editor.undo();
        assertThat(editor.draft().rules()).isEqualTo(original);
        assertThat(vm.textProperty(Field.EXEMPT).get()).isEqualTo(org.preemptlab.time.Durations.format(original.exemptSeconds()));
        editor.redo();
        assertThat(editor.draft().rules().exemptSeconds()).isEqualTo(600);
        assertThat(vm.textProperty(Field.EXEMPT).get()).isEqualTo("10m");
    }

    @Test
    void a_saved_and_reopened_scenario_keeps_the_edits() throws Exception {
        editor.setPolicy(SchedulerKind.AGGRESSIVE_CHECKPOINT);
        editor.setQosPreemption(true);
        vm.setVictimOrder(VictimOrder.FEWEST_VICTIMS);
        vm.setExempt("2m");
        vm.setGrace("30s");
        vm.setRequeueAtHead(true);
        vm.setDefaultChain("suspend, requeue, kill");
        vm.setTier("normal", "5");
        vm.addQos("debug");
        vm.setChain("debug", "checkpoint, kill");
        vm.setImageModel(false);
        vm.setCheckpointSeconds("120");
        vm.setRestartSeconds("60");
        vm.setStorage("400");
        vm.setP("0.4");
        vm.setThreshold("45m");
        vm.setExtend("3m");
        vm.setKillInstead(true);
        ScenarioDraft edited = editor.draft();

        Path file = dir.resolve("edited.json");
        ScenarioWriter.write(ScenarioValidator.toScenario(edited), file);
        ScenarioDraft reopened = ScenarioValidator.toDraft(ScenarioReader.read(file));

        assertThat(reopened.rules()).isEqualTo(edited.rules());
        assertThat(reopened.settings()).isEqualTo(edited.settings());
        assertThat(reopened.scheduler()).isEqualTo(edited.scheduler());
        assertThat(reopened.scheduler()).isEqualTo(SchedulerSpec.aggressiveCheckpoint(0.4, 2700, 180, true));

        EditorViewModel again = new EditorViewModel(reopened);
        assertThat(again.preemption().textProperty(Field.GRACE).get()).isEqualTo("30s");
        assertThat(again.preemption().textProperty(Field.DEFAULT_CHAIN).get()).isEqualTo("suspend, requeue, kill");
        assertThat(again.preemption().textProperty(Field.CHECKPOINT_SECONDS).get()).isEqualTo("2m");
    }

    @Test
    void slurm_backfill_plans_go_into_the_scheduler_undo_and_survive_a_save() throws Exception {
        vm.setBackfillPlans(BackfillPlans.OWN_RESOURCES); // easy has no backfill plans: nothing changes
        assertThat(vm.slurmProperty().get()).isFalse();
        assertThat(editor.draft().scheduler()).isEqualTo(SchedulerSpec.of(SchedulerKind.EASY));

        editor.setPolicy(SchedulerKind.SLURM);
        assertThat(vm.slurmProperty().get()).isTrue();
        assertThat(vm.scheduler().backfillPlans()).isEqualTo(BackfillPlans.WHOLE_NODES); // Slurm's, the default
        vm.setBackfillPlans(BackfillPlans.OWN_RESOURCES);
        assertThat(editor.draft().scheduler()).isEqualTo(SchedulerSpec.slurm("", BackfillPlans.OWN_RESOURCES));
        editor.undo();
        assertThat(editor.draft().scheduler().backfillPlans()).isEqualTo(BackfillPlans.WHOLE_NODES);
        editor.redo();
        assertThat(editor.draft().scheduler().backfillPlans()).isEqualTo(BackfillPlans.OWN_RESOURCES);

        Path file = dir.resolve("plans.json");
        ScenarioWriter.write(ScenarioValidator.toScenario(editor.draft()), file);
        assertThat(java.nio.file.Files.readString(file)).contains("\"backfillPlans\": \"own-resources\"");
        ScenarioDraft reopened = ScenarioValidator.toDraft(ScenarioReader.read(file));
        assertThat(reopened.scheduler()).isEqualTo(SchedulerSpec.slurm("", BackfillPlans.OWN_RESOURCES));

        editor.setPolicy(SchedulerKind.EASY); // another scheduler drops slurm's settings
        assertThat(vm.slurmProperty().get()).isFalse();
        assertThat(editor.draft().scheduler()).isEqualTo(SchedulerSpec.of(SchedulerKind.EASY));
    }
}
