package org.preemptlab.gang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SlurmWarnings;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmConfParser;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * Gang scheduling on a Slurm (version-2) site: a partition's {@code OverSubscribe=FORCE:N} lets N
 * jobs be allocated the same CPUs and time-slices them every {@code SchedulerTimeSlice}, exactly as
 * the version-1 pools of {@link GangScheduleTest} do.
 */
class GangSiteScheduleTest {

    static final String A_AND_B = """
            {"name": "A", "submit": 0, "user": "ana", "ntasks": 4, "mem": "4G", "estimate": 200, "runtime": 100},
            {"name": "B", "submit": 10, "user": "ana", "ntasks": 4, "mem": "4G", "estimate": 100, "runtime": 50}
            """;

    static Scenario scenario(String partitions, String policyExtra, String jobs) throws Exception {
        String json = """
                {"formatVersion": 2, "name": "gang",
                 "cluster": {"nodes": [{"name": "cn", "hostNames": "cn1", "cpus": 4, "realMemory": "16G"}]},
                 "partitions": [%s],
                 "qos": [{"name": "normal"}],
                 "accounts": [{"name": "lab", "users": [{"name": "ana"}]}],
                 "policy": {"scheduler": "easy"%s},
                 "jobs": [%s]}
                """.formatted(partitions, policyExtra, jobs);
        return ScenarioReader.read(json, "gang.json", Path.of("."));
    }

    static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    /** GangScheduleTest's hand-worked case on a version-2 partition: the same slices, to the second. */
    @Test
    void twoJobsOnAForce2PartitionTakeTurnsAsOnAVersion1Pool() throws Exception {
        Scenario s = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE:2\"}", "",
                A_AND_B);
        Partition batch = ((NodeCluster) s.cluster()).site().partition("batch");
        assertThat(batch.overSubscribe()).isEqualTo(OverSubscribe.FORCE);
        assertThat(batch.shareJobs()).isEqualTo(2);
        SimulationResult r = run(s);
        assertThat(GangScheduleTest.transitions(r)).containsExactlyElementsOf(GangScheduleTest.TAKING_TURNS);
        assertThat(GangScheduleTest.segments(r, 0)).containsExactlyElementsOf(GangScheduleTest.A_TAKING_TURNS);
        assertThat(r.job(0).timesPreempted()).isZero();
        // the run no longer says FORCE runs as NO
        assertThat(SlurmWarnings.of(s)).noneMatch(w -> w.contains("runs as NO"));
    }

    @Test
    void withoutACountOrWithNoTheSecondJobWaits() throws Exception {
        Scenario no = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true}", "", A_AND_B);
        assertThat(GangScheduleTest.transitions(run(no))).containsExactly("0 START A", "100 END A", "100 START B", "150 END B");
        // FORCE without a count: Slurm's 4
        Scenario force = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE\"}",
                "", A_AND_B);
        assertThat(((NodeCluster) force.cluster()).site().partition("batch").shareJobs()).isEqualTo(4);
    }

    /** The time slice of the scenario (SchedulerTimeSlice) sets the grid: 20 s slices. */
    @Test
    void theTimeSliceComesFromTheScenario() throws Exception {
        Scenario s = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE:2\"}",
                ", \"timeSliceSeconds\": 20", A_AND_B);
        // A 0-20, B 20-40, A 40-60, B 60-80, A 80-100 (A: 60 s done), B 100-110 (B: 50 s, ends); A resumes at 110, 40 s left → 150
        assertThat(GangScheduleTest.transitions(run(s))).containsExactly("0 START A", "10 START B", "10 SUSPEND B",
                "20 SUSPEND A", "20 RESUME B", "40 SUSPEND B", "40 RESUME A", "60 SUSPEND A", "60 RESUME B",
                "80 SUSPEND B", "80 RESUME A", "100 SUSPEND A", "100 RESUME B", "110 END B", "110 RESUME A", "150 END A");
    }

    /** Memory is not oversubscribed: B (8 GB) does not fit beside A's 12 GB on a 16 GB node, so it waits. */
    @Test
    void suspendedJobsKeepTheirMemoryOnASite() throws Exception {
        Scenario s = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE:2\"}", "",
                """
                {"name": "A", "submit": 0, "user": "ana", "ntasks": 4, "mem": "12G", "estimate": 200, "runtime": 100},
                {"name": "B", "submit": 10, "user": "ana", "ntasks": 4, "mem": "8G", "estimate": 100, "runtime": 50}
                """);
        assertThat(GangScheduleTest.transitions(run(s))).containsExactly("0 START A", "100 END A", "100 START B", "150 END B");
    }

    /** A node group also in a NO partition runs as NO, and the run says so. */
    @Test
    void aGroupAlsoInANoPartitionRunsAsNoWithAWarning() throws Exception {
        Scenario s = scenario("{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE:2\"},"
                + " {\"name\": \"plain\", \"nodes\": [\"cn\"]}", "", A_AND_B);
        assertThat(GangScheduleTest.transitions(run(s))).containsExactly("0 START A", "100 END A", "100 START B", "150 END B");
        assertThat(SlurmWarnings.of(s)).anyMatch(w -> w.contains("partition batch OverSubscribe=FORCE:2") && w.contains("runs as NO"));
    }

    @Test
    void aBadCountIsRefusedWithItsPath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario(
                        "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"FORCE:0\"}", "", A_AND_B))
                .hasMessageContaining("partitions[0].overSubscribe");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario(
                        "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"overSubscribe\": \"NO:2\"}", "", A_AND_B))
                .hasMessageContaining("partitions[0].overSubscribe");
    }

    /**
     * {@code import-slurm --from-conf} of a slurm.conf with {@code OverSubscribe=FORCE:2},
     * {@code PreemptMode=GANG} and {@code SchedulerTimeSlice=30}: the scenario keeps the count and
     * the slice (neither in the ignored list), survives its file, and time-slices.
     */
    @Test
    void aSlurmConfWithForce2AndGangGivesAScenarioThatTimeSlices() throws Exception {
        String conf = """
                ClusterName=t
                PreemptType=preempt/partition_prio
                PreemptMode=SUSPEND,GANG
                SchedulerTimeSlice=30
                NodeName=cn1 CPUs=4 RealMemory=16384
                PartitionName=batch Nodes=cn1 Default=YES OverSubscribe=FORCE:2 MaxTime=INFINITE
                """;
        ImportReport report = new ImportReport();
        SlurmConf parsed = SlurmConfParser.parse(conf, "slurm.conf", Path.of("."), report);
        assertThat(parsed.schedulerTimeSliceSeconds()).isEqualTo(30);
        SlurmSite files = new SlurmSite(parsed, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), report);
        Scenario imported = org.preemptlab.backend.slurm.SlurmScenarioImport.fromSite(files, "slurm.conf", "slurm.conf",
                org.preemptlab.backend.slurm.SlurmScenarioImport.Options.defaults());
        assertThat(report.ignored()).noneMatch(i -> i.toString().contains("SchedulerTimeSlice") || i.toString().contains("OverSubscribe"));
        assertThat(report.toString()).doesNotContain("run as NO").doesNotContain("GANG (time-slicing) is not modelled");
        assertThat(((NodeCluster) imported.cluster()).site().partition("batch").shareJobs()).isEqualTo(2);
        assertThat(imported.gang().timeSliceSeconds()).isEqualTo(30);

        // the scenario file keeps "FORCE:2"; with two jobs in place of the placeholder it time-slices as by hand
        String json = ScenarioWriter.toJson(imported, Path.of("."));
        assertThat(json).contains("\"FORCE:2\"");
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = (ObjectNode) om.readTree(json);
        root.set("jobs", om.readTree("["
                + "{\"name\": \"A\", \"submit\": 0, \"user\": \"user\", \"account\": \"default\", \"ntasks\": 4, \"mem\": \"4G\","
                + " \"estimate\": 200, \"runtime\": 100},"
                + "{\"name\": \"B\", \"submit\": 10, \"user\": \"user\", \"account\": \"default\", \"ntasks\": 4, \"mem\": \"4G\","
                + " \"estimate\": 100, \"runtime\": 50}]"));
        Scenario s = ScenarioReader.read(om.writeValueAsString(root), "s.json", Path.of("."));
        assertThat(s.gang().timeSliceSeconds()).isEqualTo(30);
        assertThat(GangScheduleTest.transitions(run(s))).containsExactlyElementsOf(GangScheduleTest.TAKING_TURNS);
    }

    @Test
    void aSchedulerTimeSliceOtherThan30IsKeptAndFileRoundTrips() throws Exception {
        String conf = """
                ClusterName=t
                PreemptMode=GANG
                SchedulerTimeSlice=45
                NodeName=cn1 CPUs=4 RealMemory=16384
                PartitionName=batch Nodes=cn1 Default=YES OverSubscribe=YES:3
                """;
        ImportReport report = new ImportReport();
        SlurmConf parsed = SlurmConfParser.parse(conf, "slurm.conf", Path.of("."), report);
        SlurmSite files = new SlurmSite(parsed, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), report);
        Scenario imported = org.preemptlab.backend.slurm.SlurmScenarioImport.fromSite(files, "slurm.conf", "slurm.conf",
                org.preemptlab.backend.slurm.SlurmScenarioImport.Options.defaults());
        assertThat(report.toString()).contains("OverSubscribe=YES:3 is run as FORCE:3");
        Scenario back = ScenarioReader.read(ScenarioWriter.toJson(imported, Path.of(".")), "s.json", Path.of("."));
        assertThat(back.gang().timeSliceSeconds()).isEqualTo(45);
        assertThat(((NodeCluster) back.cluster()).site().partition("batch").overSubscribeText()).isEqualTo("YES:3");
        assertThat(PartitionGang.effective(back.cluster(), back.gang()).of("cn").jobs()).isEqualTo(3);
        assertThat(SiteMapping.timeSliceSeconds(files)).isEqualTo(45);
        assertThat(List.of(report.toString())).noneMatch(t -> t.contains("without GANG"));
    }
}
