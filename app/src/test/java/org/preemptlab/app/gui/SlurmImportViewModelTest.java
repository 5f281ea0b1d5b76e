package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.app.gui.scenario.SlurmImportForm;
import org.preemptlab.backend.slurm.SlurmCommandException;
import org.preemptlab.backend.slurm.SlurmCommands;

/** File ▸ Import from Slurm through the main view-model, without the toolkit, on a fake cluster. */
class SlurmImportViewModelTest {

    /** The captured Slurm 22.05 sandbox lives with the model's Slurm tests. */
    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "org", "preemptlab", "backend", "slurm");
    private static final Instant NOW = Instant.ofEpochSecond(1_795_307_821L + 300);

    @TempDir
    Path dir;

    private static SlurmCommands fake(String sinfo, String squeue) {
        return (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(), new Class<?>[] {SlurmCommands.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sinfoJson" -> sinfo;
                    case "squeueJson" -> squeue;
                    case "toString" -> "fake Slurm";
                    default -> throw new UnsupportedOperationException("the import must not call " + method.getName());
                });
    }

    private MainViewModel vm(RecordingNotifier notifier, SlurmCommands slurm, List<Path> asked) {
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir.resolve("settings"));
        vm.setSlurmAccess(conf -> {
            asked.add(conf);
            return slurm;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        return vm;
    }

    @Test
    void the_live_cluster_opens_in_the_editor_with_its_running_jobs_and_runs() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        List<Path> asked = new ArrayList<>();
        MainViewModel vm = vm(notifier, fake(Files.readString(FIXTURES.resolve("sinfo-22.05.json")),
                Files.readString(FIXTURES.resolve("squeue-22.05.json"))), asked);
        Path conf = Files.writeString(dir.resolve("slurm.conf"), "ClusterName=sandbox\n");
        vm.fileProperty().set(dir.resolve("old.json"));

        SlurmImportForm.Result form = SlurmImportForm.check(conf.toString(), false, false);
        assertThat(form.ok()).isTrue();
        vm.importSlurm(form.request().orElseThrow());

        assertThat(notifier.errors).isEmpty();
        assertThat(asked).containsExactly(conf);
        ScenarioDraft d = vm.editor().draft();
        assertThat(d.name()).startsWith("slurm-now-");
        assertThat(d.site()).as("no scontrol on this connection: the pools of sinfo/squeue, version 1").isNull();
        assertThat(d.description()).contains("pools, not the site model");
        assertThat(d.pools().stream().mapToInt(PoolDraft::nodes).sum()).isEqualTo(4);
        assertThat(d.jobs()).extracting(JobDraft::name).containsExactly("sim_a#4", "urgent#6", "big#7", "sim_b#5", "held#8");
        assertThat(d.running()).extracting(ScenarioDraft.RunningJob::job).containsExactly("sim_a#4", "urgent#6", "big#7");
        assertThat(d.running().get(0).runningFor()).isEqualTo(300);
        assertThat(d.description()).contains("Time 0 of this scenario is that instant");
        assertThat(vm.editor().dirtyProperty().get()).as("unsaved import").isTrue();
        assertThat(vm.fileProperty().get()).as("not the old file").isNull();
        assertThat(notifier.infos).anySatisfy(i -> assertThat(i).contains("5 jobs, 3 already running"));
        // and it runs, with the running jobs already on their nodes
        assertThat(vm.runProperty().get()).isNotNull();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.RUN);
    }

    private static String liveSite(String name) throws java.io.IOException {
        return Files.readString(FIXTURES.resolve("live-site").resolve(name));
    }

    @Test
    void a_cluster_with_scontrol_opens_as_a_version_2_site_with_its_running_jobs() throws Exception {
        SlurmCommands.SiteTexts texts = new SlurmCommands.SiteTexts(liveSite("scontrol-show-config.txt"),
                liveSite("scontrol-show-partition.txt"), liveSite("scontrol-show-node.txt"), liveSite("scontrol-show-job.txt"),
                liveSite("sacctmgr-dump.txt"), liveSite("sacctmgr-qos.txt"));
        SlurmCommands slurm = (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(),
                new Class<?>[] {SlurmCommands.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "siteTexts" -> texts;
                    case "toString" -> "fake Slurm with scontrol";
                    default -> throw new UnsupportedOperationException("the site import must not call " + method.getName());
                });
        // scontrol prints the cluster's local time; the capture's machine ran in UTC, the JVM's zone stands for it
        Instant captured = java.time.LocalDateTime.parse(liveSite("captured-at.txt").strip())
                .atZone(java.time.ZoneId.systemDefault()).toInstant();
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir.resolve("settings"));
        vm.setSlurmAccess(conf -> slurm, Clock.fixed(captured, ZoneOffset.UTC));

        vm.importSlurm(SlurmImportForm.check("", false, false).request().orElseThrow());

        assertThat(notifier.errors).isEmpty();
        ScenarioDraft d = vm.editor().draft();
        assertThat(d.site()).as("a version-2 scenario on the site model").isNotNull();
        assertThat(d.site().partitions()).extracting(p -> p.name()).contains("gpu", "cpu");
        assertThat(d.jobs()).allSatisfy(j -> assertThat(j.slurm()).isNotNull());
        assertThat(d.jobs()).extracting(JobDraft::name).contains("7", "11", "12_0", "12_5", "15");
        JobDraft gfill2 = d.jobs().stream().filter(j -> j.name().equals("7")).findFirst().orElseThrow();
        assertThat(org.preemptlab.gres.Gres.format(gfill2.slurm().gresPerNode())).isEqualTo("gpu:t4:2");
        assertThat(gfill2.memoryPerNodeMb()).isEqualTo(4000);
        assertThat(d.running()).hasSize(9);
        assertThat(org.preemptlab.scenario.ScenarioValidator.validate(d)).isEmpty();
        assertThat(notifier.infos).anySatisfy(i -> assertThat(i).contains("node groups of a Slurm site", "9 already running"));
        assertThat(vm.runProperty().get()).isNotNull();
    }

    @Test
    void a_slurm_conf_alone_gives_pools_and_a_placeholder_without_asking_the_cluster() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        List<Path> asked = new ArrayList<>();
        MainViewModel vm = vm(notifier, fake("", ""), asked);
        Path conf = Files.writeString(dir.resolve("slurm.conf"), """
                NodeName=n[1-4] CPUs=2 RealMemory=4000
                PartitionName=low Nodes=n[1-4] Default=YES
                """);
        vm.importSlurm(SlurmImportForm.check(conf.toString(), true, false).request().orElseThrow());
        assertThat(notifier.errors).isEmpty();
        assertThat(asked).isEmpty();
        ScenarioDraft d = vm.editor().draft();
        assertThat(d.name()).isEqualTo("slurm-conf-slurm.conf");
        assertThat(d.pools()).singleElement().satisfies(p -> assertThat(p.nodes()).isEqualTo(4));
        assertThat(d.jobs()).extracting(JobDraft::name).containsExactly("placeholder");
        assertThat(notifier.infos).anySatisfy(i -> assertThat(i).contains("one placeholder job (replace it)"));
    }

    @Test
    void a_failing_cluster_is_one_dialog_and_the_open_work_is_kept() {
        RecordingNotifier notifier = new RecordingNotifier();
        SlurmCommands down = (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(),
                new Class<?>[] {SlurmCommands.class}, (proxy, method, args) -> {
                    throw new SlurmCommandException("The Slurm command `sinfo --json` failed (exit code 1): "
                            + "Unable to contact slurm controller (connect failure)");
                });
        MainViewModel vm = vm(notifier, down, new ArrayList<>());
        ScenarioDraft before = vm.editor().draft();
        vm.importSlurm(SlurmImportForm.check("", false, false).request().orElseThrow());
        assertThat(vm.editor().draft()).isSameAs(before);
        assertThat(notifier.errors).singleElement().satisfies(e -> assertThat(e)
                .contains("Cannot import from the live Slurm cluster", "Unable to contact slurm controller"));
        assertThat(vm.statusProperty().get()).contains("Could not import");
    }

    @Test
    void the_form_defaults_to_SLURM_CONF_and_names_its_problem() {
        assertThat(SlurmImportForm.defaultConf(Map.of("SLURM_CONF", "/etc/slurm/slurm.conf"))).isEqualTo("/etc/slurm/slurm.conf");
        assertThat(SlurmImportForm.defaultConf(Map.of())).isEmpty();
        assertThat(SlurmImportForm.check("", false, true).request()).hasValue(new SlurmImportForm.Request(null, false, true));
        assertThat(SlurmImportForm.check("", true, false).problem()).isEqualTo("choose a slurm.conf");
        assertThat(SlurmImportForm.check(dir.resolve("nope.conf").toString(), false, false).problem()).isEqualTo("no such file");
    }
}
