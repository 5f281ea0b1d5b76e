package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.gres.Gres;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.scenario.ScenarioValidator;

/**
 * The job-mix generator on a version-2 (Slurm site) draft: the GPU and memory mixes give the
 * generated jobs Slurm requests in the configured shares; a bad mix is refused with the message
 * naming its entry, at the field's path; a version-1 draft ignores the mixes.
 */
class JobMixSiteTest {

    private static EditorViewModel gpuDraft() throws Exception {
        EditorViewModel vm = new EditorViewModel(DefaultScenario.create());
        vm.load(SlurmDraftEditingTest.gpuSample());
        vm.mixProperty().set(vm.mixProperty().get().withCount(400).withSeed(7));
        return vm;
    }

    @Test
    void generated_jobs_carry_the_gpu_and_memory_shares_and_the_draft_validates() throws Exception {
        EditorViewModel vm = gpuDraft();
        vm.gpuMixProperty().set("0.3:1/node:a100");
        vm.memoryMixProperty().set("0.25:100G/node");
        assertThat(vm.mixIssues()).isEmpty();
        assertThat(vm.generateJobs(true)).isTrue();

        List<JobDraft> jobs = vm.draft().jobs();
        assertThat(jobs).hasSize(400).allSatisfy(j -> assertThat(j.slurm()).isNotNull());
        long gpuJobs = jobs.stream().filter(j -> j.slurm().gresOnEachNode(j.nodes()).contains(new Gres("gpu", "a100", 1))).count();
        long anyGpu = jobs.stream().filter(j -> !j.slurm().gresOnEachNode(j.nodes()).isEmpty()).count();
        long bigMemory = jobs.stream().filter(j -> j.memoryPerNodeMb() == 100 * 1024).count();
        // 400 draws of a 0.3 (0.25) share: standard deviation ≈ 9 jobs; ± 0.06 of the jobs is > 2.5 of them
        assertThat(anyGpu).isEqualTo(gpuJobs);
        assertThat(gpuJobs / 400.0).isBetween(0.24, 0.36);
        assertThat(bigMemory / 400.0).isBetween(0.19, 0.31);
        // GPU jobs go to the partition with the GPUs; the draft is a valid scenario
        assertThat(jobs.stream().filter(j -> !j.slurm().gresOnEachNode(j.nodes()).isEmpty()))
                .allSatisfy(j -> assertThat(j.slurm().partitions()).containsExactly("gpu"));
        assertThat(ScenarioValidator.validate(vm.draft())).isEmpty();

        // same mix, same seed: the same jobs
        List<JobDraft> first = List.copyOf(jobs);
        assertThat(vm.generateJobs(true)).isTrue();
        assertThat(vm.draft().jobs()).isEqualTo(first);
    }

    @Test
    void a_bad_mix_is_refused_with_its_message() throws Exception {
        EditorViewModel vm = gpuDraft();
        List<JobDraft> before = vm.draft().jobs();

        vm.gpuMixProperty().set("0.2:1/node:a100, 0.1:2/nod");
        assertThat(vm.mixIssues()).extracting(ScenarioProblem::path).containsExactly("gpuMix");
        assertThat(vm.mixIssues().get(0).message()).contains("GPU entry \"0.1:2/nod\"").contains("/node or /job");
        assertThat(vm.generateJobs(true)).isFalse();
        assertThat(vm.draft().jobs()).isEqualTo(before);

        vm.gpuMixProperty().set("0.2:1/node:h100");
        assertThat(vm.mixIssues().get(0).message()).contains("0.2:1/node:h100").contains("no partition has nodes");
        assertThat(vm.generateJobs(true)).isFalse();

        vm.gpuMixProperty().set("0.2:1/node");
        vm.memoryMixProperty().set("0.7:2G/cpu,0.5:4G/cpu");
        assertThat(vm.mixIssues()).extracting(ScenarioProblem::path).containsExactly("memoryMix");
        assertThat(vm.mixIssues().get(0).message()).contains("memory shares add up to 1.2");
        assertThat(vm.generateJobs(false)).isFalse();
        assertThat(vm.draft().jobs()).isEqualTo(before);
    }

    @Test
    void a_version_1_draft_ignores_the_mixes() {
        EditorViewModel vm = new EditorViewModel(DefaultScenario.create());
        vm.gpuMixProperty().set("not a mix");
        assertThat(vm.mixIssues()).isEmpty();
        assertThat(vm.generateJobs(true)).isTrue();
        assertThat(vm.draft().jobs()).allSatisfy(j -> assertThat(j.slurm()).isNull());
    }
}
