package org.preemptlab.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * The live import on the site model, on real output of Slurm 22.05 captured from the slurm-local
 * sandbox (sample-clusters/slurm-local) while 9 jobs ran and 7 job records waited: c[1-5] each
 * filled by a 4-CPU job, gpu jobs on g[1-3], a 2-node job in partition "all", and pending jobs
 * with GRES, --gpus, a dependency, an array with a throttle, a nice value, a begin time.
 */
class LiveSiteImportTest {

    static String fixture(String name) {
        try (var in = LiveSiteImportTest.class.getResourceAsStream("/org/preemptlab/backend/slurm/live-site/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SlurmCommands.SiteTexts texts(boolean accounting) {
        return new SlurmCommands.SiteTexts(fixture("scontrol-show-config.txt"), fixture("scontrol-show-partition.txt"),
                fixture("scontrol-show-node.txt"), fixture("scontrol-show-job.txt"), accounting ? fixture("sacctmgr-dump.txt") : null,
                accounting ? fixture("sacctmgr-qos.txt") : null);
    }

    /** The capture's instant (scontrol prints the cluster's local time; the fixtures' machine ran in UTC, the JVM's zone stands for it). */
    static Instant capturedAt() {
        return LocalDateTime.parse(fixture("captured-at.txt").strip()).atZone(ZoneId.systemDefault()).toInstant();
    }

    static Map<String, JobSpec> byName(Scenario s) {
        Map<String, JobSpec> m = new HashMap<>();
        for (JobSpec j : s.jobs()) m.put(j.name(), j);
        return m;
    }

    @Test
    void pendingJobsKeepAccountsPartitionsQosGresMemoryThrottleAndDependencies() {
        LiveSiteImport.Result r = LiveSiteImport.build(texts(true), capturedAt(), SlurmScenarioImport.Options.defaults());
        Scenario s = r.scenario();
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.site()).as("a version-2 scenario on the site model").isNotNull();
        Map<String, JobSpec> jobs = byName(s);

        JobSpec multi = jobs.get("9"); // running, but its dependant "11" keeps it as target
        assertThat(multi.slurm().account()).isEqualTo("chem");
        assertThat(multi.qos()).isEqualTo("high");

        JobSpec gfill2 = jobs.get("7"); // PENDING: --gres=gpu:t4:2, 2 CPUs, 4000 MB, partition gpu, account phys
        assertThat(gfill2.slurm().user()).isEqualTo("plcarol");
        assertThat(gfill2.slurm().account()).isEqualTo("phys");
        assertThat(gfill2.slurm().partitions()).containsExactly("gpu");
        assertThat(gfill2.qos()).isEqualTo("normal");
        assertThat(Gres.format(gfill2.slurm().gresPerNode())).isEqualTo("gpu:t4:2");
        assertThat(gfill2.coresPerNode()).isEqualTo(2);
        assertThat(gfill2.memoryPerNodeMb()).isEqualTo(4000);
        assertThat(gfill2.estimate()).isEqualTo(540);

        JobSpec dep = jobs.get("11"); // afterok:9, --gres=gpu:t4:1, 1000 MB
        assertThat(dep.slurm().dependencies()).containsExactly(new Dependency(Dependency.Type.AFTER_OK, List.of("9")));
        assertThat(Gres.format(dep.slurm().gresPerNode())).isEqualTo("gpu:t4:1");
        assertThat(dep.memoryPerNodeMb()).isEqualTo(1000);

        // the array 12: tasks 0-5, throttle %2, 500 MB, partition cpu, user plfrank in bio
        List<JobSpec> tasks = s.jobs().stream().filter(j -> j.slurm() != null && j.slurm().arrayName().equals("12")).toList();
        assertThat(tasks).extracting(JobSpec::name).containsExactly("12_0", "12_1", "12_2", "12_3", "12_4", "12_5");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.slurm().arrayThrottle()).isEqualTo(2);
            assertThat(t.memoryPerNodeMb()).isEqualTo(500);
            assertThat(t.slurm().account()).isEqualTo("bio");
        });

        JobSpec nice = jobs.get("13"); // --nice=100, no memory given: the whole node (MinMemoryNode=0)
        assertThat(nice.slurm().nice()).isEqualTo(100);
        assertThat(nice.slurm().wholeNodeMemory()).isTrue();

        JobSpec later = jobs.get("15"); // --begin=now+3600 at 14:10:39, snapshot at 14:10:52: begins 3587 s after 0
        assertThat(later.slurm().beginTime()).isEqualTo(3600 - 13);

        // pending in Slurm's priority order after the running ones: 7 (4828) before 11 (6251)? no: 11 has the higher priority
        List<String> order = s.jobs().stream().map(JobSpec::name).toList();
        assertThat(order.indexOf("11")).isLessThan(order.indexOf("7"));
        assertThat(order.indexOf("13")).isGreaterThan(order.indexOf("15")); // 1871 < 3394
    }

    @Test
    void runningJobsKeepTheirNodesAndElapsedTime() {
        LiveSiteImport.Result r = LiveSiteImport.build(texts(true), capturedAt(), SlurmScenarioImport.Options.defaults());
        Scenario s = r.scenario();
        NodeCluster cluster = (NodeCluster) s.cluster();
        Map<Integer, InitialRun> runs = new HashMap<>();
        for (InitialRun i : s.initialRuns()) runs.put(i.jobId(), i);
        Map<String, JobSpec> jobs = byName(s);
        // 1-5 fill c1..c5, 6 on g1, 9 on g[1-2], 10 on g2, 14 (exclusive) on g3: nine running jobs, all placed
        assertThat(runs).hasSize(9);
        JobSpec multi = jobs.get("9");
        InitialRun mr = runs.get(multi.id());
        assertThat(java.util.Arrays.stream(mr.nodes()).mapToObj(cluster::nodeName).toList()).containsExactly("g1", "g2");
        assertThat(mr.elapsedSeconds()).isEqualTo(10);
        assertThat(multi.slurm().partitions()).containsExactly("all");
        assertThat(multi.estimate()).isEqualTo(480); // its limit
        assertThat(multi.runtime()).isEqualTo(480); // elapsed + the rest of the limit
        JobSpec gpujob = jobs.get("10"); // --gpus=2 (TresPerJob), 4 CPUs × 500 MB
        assertThat(gpujob.slurm().gpusPerJob()).isEqualTo(2);
        assertThat(gpujob.memoryPerNodeMb()).isEqualTo(2000);
        assertThat(jobs.get("14").slurm().exclusive()).isTrue();
        InitialRun fill1 = runs.get(jobs.get("1").id());
        assertThat(cluster.nodeName(fill1.nodes()[0])).isEqualTo("c1");
        assertThat(fill1.elapsedSeconds()).isEqualTo(13);
    }

    @Test
    void theScenarioIsWrittenAsVersion2ReadBackUnchangedAndRuns() throws Exception {
        LiveSiteImport.Result r = LiveSiteImport.build(texts(true), capturedAt(), SlurmScenarioImport.Options.defaults());
        String json = ScenarioWriter.toJson(r.scenario(), Path.of("."));
        assertThat(json).contains("\"formatVersion\": 2").contains("\"runningFor\"").contains("\"onNodes\"").contains("\"array\": \"0-5%2\"")
                .contains("\"dependency\": \"afterok:9\"").contains("\"gpus\": 2").contains("\"gres\": \"gpu:t4:2\"");
        Scenario back = ScenarioReader.read(json, "now.json", Path.of("."));
        assertThat(back.jobs()).hasSameSizeAs(r.scenario().jobs());
        assertThat(back.initialRuns()).containsExactlyInAnyOrderElementsOf(r.scenario().initialRuns());
        SimulationResult result = new Simulation(back.toConfig(false)).run();
        // every job ends; the array never runs more than 2 tasks at once; 11 starts only after 9 ended
        Map<String, org.preemptlab.sim.JobRun> ran = new HashMap<>();
        for (var j : result.jobs()) ran.put(j.spec().name(), j);
        assertThat(ran.values()).allSatisfy(j -> assertThat(j.end()).isGreaterThanOrEqualTo(0));
        assertThat(ran.get("11").firstStart()).isGreaterThanOrEqualTo(ran.get("9").end());
        assertThat(ran.get("9").end()).isEqualTo(480 - 10); // it had 10 s done of its 8 min
        assertThat(ran.get("15").firstStart()).isGreaterThanOrEqualTo(3587);
        for (long t = 0; t < 4000; t += 5) {
            long at = t;
            long busy = ran.values().stream().filter(j -> j.spec().slurm() != null && j.spec().slurm().arrayName().equals("12"))
                    .filter(j -> j.firstStart() >= 0 && j.firstStart() <= at && j.end() > at).count();
            assertThat(busy).as("array tasks running at %d s", at).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void withoutAccountingTheAssociationsComeFromTheJobsAndTheReportSaysSo() throws Exception {
        LiveSiteImport.Result r = LiveSiteImport.build(texts(false), capturedAt(), SlurmScenarioImport.Options.defaults());
        NodeCluster cluster = (NodeCluster) r.scenario().cluster();
        assertThat(cluster.site().qos().contains("high")).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.contains("accounting did not answer"));
        assertThat(r.site().report().warnings()).anyMatch(w -> w.contains("accounting did not answer"));
        // every setting of scontrol show config that is not modelled is listed with its value
        assertThat(r.site().report().ignored()).anyMatch(i -> i.toString().contains("KillWait=5"));
        // and the scenario still loads
        ScenarioReader.read(ScenarioWriter.toJson(r.scenario(), Path.of(".")), "n.json", Path.of("."));
    }

    @Test
    void runningAsQueuedPutsThemAtTheHeadWithTheRestOfTheirLimit() {
        SlurmScenarioImport.Options o = new SlurmScenarioImport.Options(SlurmScenarioImport.Options.defaults().scheduler(), null, 1.0,
                86_400, true, false);
        Scenario s = LiveSiteImport.build(texts(true), capturedAt(), o).scenario();
        assertThat(s.initialRuns()).isEmpty();
        JobSpec multi = byName(s).get("9");
        assertThat(multi.estimate()).isEqualTo(480 - 10);
        assertThat(s.jobs().indexOf(multi)).isLessThan(s.jobs().indexOf(byName(s).get("7")));
    }
}
