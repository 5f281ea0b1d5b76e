package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.sched.SchedulerKind;

/** Plain JUnit: no FX toolkit. */
class EditorViewModelTest {

    private final EditorViewModel vm = new EditorViewModel(DefaultScenario.create());

    @Test
    void every_edit_can_be_undone_and_redone() {
        vm.setPoolNodes(0, 6);
        vm.commitField();
        vm.setPolicy(SchedulerKind.CONSERVATIVE);
        assertThat(vm.draft().pools().get(0).nodes()).isEqualTo(6);
        assertThat(vm.history().undoLabelProperty().get()).isEqualTo("Undo change scheduler");
        vm.undo();
        assertThat(vm.draft().scheduler().kind()).isEqualTo(SchedulerKind.EASY);
        vm.undo();
        assertThat(vm.draft().pools().get(0).nodes()).isEqualTo(4);
        assertThat(vm.history().canUndoProperty().get()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(vm.draft().pools().get(0).nodes()).isEqualTo(6);
        assertThat(vm.draft().scheduler().kind()).isEqualTo(SchedulerKind.CONSERVATIVE);
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    /** An opened file's draft comes with the reader's scenario: the editor takes it, and judges again after an edit. */
    @Test
    void a_draft_loaded_with_its_scenario_is_not_judged_again_until_it_is_edited() throws Exception {
        org.preemptlab.scenario.ScenarioDraft d = DefaultScenario.create().withName("opened");
        org.preemptlab.scenario.Scenario read = org.preemptlab.scenario.ScenarioValidator.toScenario(d);
        vm.load(d, read);
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.scenarioOf(vm.draft())).isSameAs(read);
        vm.setPolicy(SchedulerKind.CONSERVATIVE);
        org.preemptlab.scenario.Scenario edited = vm.scenarioOf(vm.draft());
        assertThat(edited).isNotSameAs(read);
        assertThat(edited.scheduler().kind()).isEqualTo(SchedulerKind.CONSERVATIVE);
        vm.undo(); // the opened draft again: its scenario is the reader's, as before
        assertThat(vm.scenarioOf(vm.draft())).isEqualTo(read);
    }

    @Test
    void typing_into_one_field_is_one_undo_step() {
        vm.setPoolOwner(0, "c");
        vm.setPoolOwner(0, "ch");
        vm.setPoolOwner(0, "chem");
        vm.commitField();
        vm.setPoolOwner(0, "bio");
        vm.undo();
        assertThat(vm.draft().pools().get(0).owner()).isEqualTo("chem");
        vm.undo();
        assertThat(vm.draft().pools().get(0).owner()).isEmpty();
    }

    @Test
    void invalid_values_are_reported_by_field_with_the_value() {
        vm.setPoolNodes(1, -2);
        assertThat(vm.issueFor("cluster.pools[1].nodes")).contains("-2; must be ≥ 1");
        vm.setPoolNodes(1, 4);
        vm.setJob(3, vm.draft().jobs().get(3).withNodes(9));
        // the scenario rules' words and paths, as the file reader reports them: the whole job does not fit
        assertThat(vm.issueFor("jobs[3]")).hasValueSatisfying(m -> assertThat(m).startsWith("needs 9 nodes × ")
                .contains("no pool it may use has that"));
        vm.renamePool(0, "private");
        assertThat(vm.issueFor("cluster.pools[1].name"))
                .contains("\"private\"; duplicate: cluster.pools[0] has the same name");
        assertThat(vm.isValid()).isFalse();
        // the list the editor shows is the model's validator's, problem for problem
        assertThat(vm.issues()).containsExactlyElementsOf(org.preemptlab.scenario.ScenarioValidator.validate(vm.draft()));
    }

    @Test
    void renaming_a_pool_keeps_its_maintenance_window_on_it() {
        vm.renamePool(1, "lab");
        assertThat(vm.draft().maintenance().get(0).pool()).isEqualTo("lab");
        assertThat(vm.issues()).isEmpty();
        vm.removePool(1);
        assertThat(vm.draft().maintenance()).isEmpty();
    }

    @Test
    void jobs_are_added_removed_and_generated() {
        vm.addJob();
        assertThat(vm.draft().jobs()).hasSize(41);
        assertThat(vm.draft().jobs().get(40).name()).isEqualTo("job41");
        vm.removeJobs(List.of(0, 40));
        assertThat(vm.draft().jobs()).hasSize(39).extracting(JobDraft::name).doesNotContain("job1", "job41");
        vm.mixProperty().set(vm.mixProperty().get().withCount(10).withSeed(3));
        assertThat(vm.generateJobs(false)).isTrue();
        assertThat(vm.draft().jobs()).hasSize(49);
        assertThat(vm.draft().jobs().stream().map(JobDraft::name).distinct()).hasSize(49);
        assertThat(vm.generateJobs(true)).isTrue();
        assertThat(vm.draft().jobs()).hasSize(10);
        vm.mixProperty().set(vm.mixProperty().get().withCount(0));
        assertThat(vm.mixIssues()).extracting(i -> i.path()).containsExactly("count");
        assertThat(vm.generateJobs(true)).isFalse();
    }

    @Test
    void preemption_switches_edit_the_rules() {
        vm.setQosPreemption(true);
        assertThat(vm.draft().rules().qosPreemption()).isTrue();
        assertThat(vm.draft().rules().ownerPreemption()).isTrue();
        vm.setOwnerPreemption(false);
        assertThat(vm.draft().rules().ownerPreemption()).isFalse();
    }

    @Test
    void tile_layout_summarizes_big_pools() {
        assertThat(TileLayout.of(4, 64, 16)).isEqualTo(new TileLayout(4, 1, 4, 1));
        TileLayout big = TileLayout.of(1000, 64, 16);
        assertThat(big.summarized()).isTrue();
        assertThat(big.tiles()).isLessThanOrEqualTo(64);
        assertThat((long) big.tiles() * big.nodesPerTile()).isGreaterThanOrEqualTo(1000);
        assertThat(TileLayout.resized(4, 38, 19, 1)).isEqualTo(6);
        assertThat(TileLayout.resized(4, -200, 19, 1)).isEqualTo(1);
    }

    @Test
    void unique_names() {
        assertThat(EditorViewModel.uniqueName("pool", List.of("pool1", "public"))).isEqualTo("pool2");
        assertThat(EditorViewModel.uniqueName("job12", List.of("job1"))).isEqualTo("job12");
        assertThat(EditorViewModel.uniqueName("job12", List.of("job12", "job1"))).isEqualTo("job2");
    }

    @Test
    void a_draft_is_judged_once_and_its_scenario_is_the_one_a_run_uses() throws Exception {
        org.preemptlab.scenario.ScenarioDraft d = vm.draft();
        org.preemptlab.scenario.Scenario first = vm.scenarioOf(d);
        assertThat(vm.scenarioOf(d)).isSameAs(first); // kept, not judged again
        assertThat(first).isEqualTo(org.preemptlab.scenario.ScenarioValidator.toScenario(d));
        vm.setPoolNodes(0, 6); // a new draft: judged anew
        assertThat(vm.scenarioOf(vm.draft())).isNotSameAs(first);
        assertThat(vm.scenarioOf(vm.draft()).cluster().nodeCount()).isEqualTo(first.cluster().nodeCount() + 2);
        vm.setPoolNodes(0, -2); // an invalid draft: the run refuses it with the editor's own problems
        assertThat(vm.isValid()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vm.scenarioOf(vm.draft()))
                .isInstanceOf(org.preemptlab.scenario.ScenarioException.class)
                .satisfies(e -> assertThat(((org.preemptlab.scenario.ScenarioException) e).problems())
                        .containsExactlyElementsOf(vm.issues()));
        vm.undo(); // back to a draft judged before: valid again, the problems gone
        assertThat(vm.isValid()).isTrue();
        vm.load(d);
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.scenarioOf(vm.draft())).isEqualTo(first);
    }
}
