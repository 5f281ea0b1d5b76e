package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.gres.Gres;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.site.Site;

/**
 * A version-2 (Slurm site) draft in the editor's view-model: the site as a property the site pages
 * bind to (undoable), the Slurm cells of the job table (GiB, GPUs with type, partitions) parsed and
 * validated at the file's paths, node groups renamed with their partitions.
 */
public class SlurmDraftEditingTest {

    @TempDir
    Path dir;

    public static Path sample(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        return d.resolve("sample-clusters").resolve(name);
    }

    static ScenarioDraft gpuSample() throws Exception {
        return ScenarioFiles.read(sample("gpu-shared-nodes.json"));
    }

    @Test
    void the_site_property_follows_the_draft_and_its_edits_are_undoable() throws Exception {
        EditorViewModel vm = new EditorViewModel(DefaultScenario.create());
        assertThat(vm.siteProperty().get()).isNull();
        ScenarioDraft gpu = gpuSample();
        vm.load(gpu);
        assertThat(vm.siteProperty().get()).isSameAs(gpu.site());

        Site changed = gpu.site().toBuilder().defMemPerCpuMb(4096).build();
        vm.siteProperty().set(changed);
        assertThat(vm.draft().site()).isEqualTo(changed);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.history().canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.draft().site()).isEqualTo(gpu.site());
        assertThat(vm.siteProperty().get()).isEqualTo(gpu.site());
        vm.redo();
        assertThat(vm.siteProperty().get()).isEqualTo(changed);

        // the version is the file's: a site is not removed here, nor given to a version-1 draft
        vm.siteProperty().set(null);
        assertThat(vm.draft().site()).isEqualTo(changed);
        assertThat(vm.siteProperty().get()).isEqualTo(changed);
        vm.load(DefaultScenario.create());
        assertThat(vm.siteProperty().get()).isNull();
        vm.siteProperty().set(changed);
        assertThat(vm.draft().site()).isNull();
        assertThat(vm.siteProperty().get()).isNull();
    }

    @Test
    void a_site_edit_is_judged_by_the_rules() throws Exception {
        EditorViewModel vm = new EditorViewModel(gpuSample());
        assertThat(vm.issues()).isEmpty();
        Site site = vm.draft().site();
        var badPartition = site.partitions().get(0).toBuilder().allowQos(List.of("nosuch")).build();
        vm.siteProperty().set(site.toBuilder().partitions(List.of(badPartition, site.partitions().get(1))).build());
        assertThat(vm.issues()).extracting(ScenarioProblem::toString)
                .contains("partitions[0].allowQos: \"nosuch\"; unknown QOS; use normal");
        vm.undo();
        assertThat(vm.issues()).isEmpty();
    }

    @Test
    void memory_is_shown_and_typed_in_GiB_per_node_or_per_CPU_or_the_whole_node() throws Exception {
        JobDraft j = gpuSample().jobs().get(0); // train_0: 8 CPUs, 32G
        assertThat(j.coresPerNode()).isEqualTo(8);
        assertThat(SlurmCells.memory(j)).isEqualTo("32 GiB");
        assertThat(SlurmCells.withMemory(j, "8").memoryPerNodeMb()).isEqualTo(8192);
        assertThat(SlurmCells.withMemory(j, "1.5 GiB").memoryPerNodeMb()).isEqualTo(1536);
        assertThat(SlurmCells.withMemory(j, "512M").memoryPerNodeMb()).isEqualTo(512);
        assertThat(SlurmCells.withMemory(j, "2G/cpu").memoryPerNodeMb()).isEqualTo(8 * 2048);
        JobDraft whole = SlurmCells.withMemory(j, "whole node");
        assertThat(whole.slurm().wholeNodeMemory()).isTrue();
        assertThat(SlurmCells.memory(whole)).isEqualTo("whole node");
        assertThat(SlurmCells.withMemory(whole, "4").slurm().wholeNodeMemory()).isFalse();
        assertThat(SlurmCells.gib(1536)).isEqualTo("1.5 GiB");
        assertThatThrownBy(() -> SlurmCells.withMemory(j, "lots")).hasMessage(SlurmCells.MEMORY_FORMS);
    }

    @Test
    void gpus_are_shown_with_their_type_per_node_or_per_job() throws Exception {
        JobDraft j = gpuSample().jobs().get(0); // --gres=gpu:1
        assertThat(SlurmCells.gpus(j)).isEqualTo("1 /node");
        JobDraft typed = SlurmCells.withGpus(j, "a100:2");
        assertThat(typed.slurm().gresPerNode()).containsExactly(new Gres("gpu", "a100", 2));
        assertThat(SlurmCells.gpus(typed)).isEqualTo("2 × a100 /node");
        assertThat(SlurmCells.withGpus(j, SlurmCells.gpus(typed)).slurm()).isEqualTo(typed.slurm()); // shown text types back
        JobDraft perJob = SlurmCells.withGpus(j, "a100:4/job");
        assertThat(perJob.slurm().gpusPerJob()).isEqualTo(4);
        assertThat(perJob.slurm().gpuType()).isEqualTo("a100");
        assertThat(perJob.slurm().gresPerNode()).isEmpty();
        assertThat(SlurmCells.gpus(perJob)).isEqualTo("4 × a100 /job");
        JobDraft none = SlurmCells.withGpus(j, "0");
        assertThat(SlurmCells.gpus(none)).isEqualTo("—");
        assertThatThrownBy(() -> SlurmCells.withGpus(j, "two")).hasMessage(SlurmCells.GPU_FORMS);
    }

    @Test
    void slurm_cells_are_validated_at_the_files_paths() throws Exception {
        EditorViewModel vm = new EditorViewModel(gpuSample());
        int cpuJob = indexOf(vm.draft(), "cpu-job");
        JobDraft j = vm.draft().jobs().get(cpuJob);
        String path = org.preemptlab.scenario.ScenarioValidator.jobPaths(vm.draft()).get(cpuJob);
        assertThat(path).isEqualTo("jobs[2]"); // the eight array tasks of jobs[0] are rows 0-7

        vm.setJob(cpuJob, SlurmCells.withPartitions(j, "gpux"));
        assertThat(vm.issueFor(path + ".partition")).hasValueSatisfying(m -> assertThat(m).contains("unknown partition; use batch, gpu"));
        vm.setJob(cpuJob, SlurmCells.withPartitions(j, "gpu"));
        assertThat(vm.issues()).isEmpty();
        vm.setJob(cpuJob, SlurmCells.withGpus(vm.draft().jobs().get(cpuJob), "a100:5"));
        assertThat(vm.issueFor(path)).hasValueSatisfying(m -> assertThat(m).contains("fits no node of partition gpu")
                .contains("GRES gpu:a100:5"));
        vm.setJob(cpuJob, SlurmCells.withGpus(vm.draft().jobs().get(cpuJob), "a100:4"));
        assertThat(vm.issues()).isEmpty();
        vm.setJob(cpuJob, SlurmCells.withAccount(vm.draft().jobs().get(cpuJob), "physics"));
        assertThat(vm.issueFor(path + ".account")).hasValueSatisfying(m -> assertThat(m).contains("no association of user ben"));
        vm.setJob(cpuJob, vm.draft().jobs().get(cpuJob).withQos("urgent"));
        assertThat(vm.issueFor(path + ".qos")).hasValueSatisfying(m -> assertThat(m).contains("unknown QOS"));
    }

    @Test
    void added_and_generated_jobs_of_a_slurm_draft_are_slurm_jobs_and_valid() throws Exception {
        EditorViewModel vm = new EditorViewModel(gpuSample());
        int before = vm.draft().jobs().size();
        vm.addJob();
        JobDraft added = vm.draft().jobs().get(before);
        assertThat(added.slurm()).isNotNull();
        assertThat(added.group()).isEqualTo(added.slurm().account());
        assertThat(vm.issues()).isEmpty();
    }

    @Test
    void renaming_a_node_group_renames_it_in_its_partitions_and_saves_as_version_2() throws Exception {
        EditorViewModel vm = new EditorViewModel(gpuSample());
        vm.renamePool(0, "gpunodes");
        assertThat(vm.draft().site().partition("gpu").groups()).containsExactly("gpunodes");
        assertThat(vm.issues()).isEmpty();
        vm.setPoolGres(0, "gpu:a100:8");
        assertThat(vm.draft().pools().get(0).gres()).containsExactly(new Gres("gpu", "a100", 8));
        vm.setPoolGres(0, "gpu:a100:x");
        assertThat(vm.issueFor("cluster.nodes[0].gres")).isPresent();
        assertThat(vm.draft().pools().get(0).gpusPerNode()).isEqualTo(8);
        vm.setPoolGres(0, "gpu:a100:8");
        vm.setPoolNodes(1, 0);
        assertThat(vm.issueFor("cluster.nodes[1].count")).hasValue("0; must be ≥ 1");
        vm.setPoolNodes(1, 4);
        assertThat(vm.issues()).isEmpty();
        Path file = dir.resolve("edited.json");
        ScenarioFiles.write(vm.draft(), file);
        assertThat(Files.readString(file)).containsPattern("\"formatVersion\"\\s*:\\s*2").contains("gpunodes", "gpu:a100:8");
        assertThat(ScenarioFiles.read(file)).isEqualTo(vm.draft());
        assertThat(ScenarioReader.read(file).jobs()).hasSize(vm.draft().jobs().size());
    }

    @Test
    void an_edit_of_one_array_task_is_an_edit_of_the_whole_array_as_the_file_has_one_entry() throws Exception {
        EditorViewModel vm = new EditorViewModel(gpuSample());
        JobDraft task3 = vm.draft().jobs().get(3);
        assertThat(task3.name()).isEqualTo("train_3");
        vm.setJob(3, SlurmCells.withGpus(task3, "a100:2"));
        for (int k = 0; k < 8; k++) {
            JobDraft t = vm.draft().jobs().get(k);
            assertThat(t.name()).isEqualTo("train_" + k);
            assertThat(t.slurm().arrayTask()).isEqualTo(k);
            assertThat(SlurmCells.gpus(t)).isEqualTo("2 × a100 /node");
        }
        assertThat(SlurmCells.gpus(vm.draft().jobs().get(8))).isNotEqualTo("2 × a100 /node");
        Path file = dir.resolve("array.json");
        ScenarioFiles.write(vm.draft(), file);
        assertThat(ScenarioFiles.read(file)).isEqualTo(vm.draft());
        vm.undo();
        assertThat(SlurmCells.gpus(vm.draft().jobs().get(5))).isEqualTo("1 /node");
    }

    private static int indexOf(ScenarioDraft d, String name) {
        for (int i = 0; i < d.jobs().size(); i++) if (d.jobs().get(i).name().equals(name)) return i;
        throw new AssertionError(name);
    }
}
