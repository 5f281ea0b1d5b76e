package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.job.JobState;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.site.Site;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmConfParser;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * slurm.conf's cluster-wide {@code PreemptExemptTime} and the partitions' {@code GraceTime}, with
 * Slurm's precedence: a QOS's PreemptExemptTime over the cluster's; GraceTime the victim's QOS's
 * under preempt/qos, its partition's under preempt/partition_prio. Hand-worked on one node of
 * 8 CPUs: low (8 CPUs, 2h) runs from 0, the preemptor (4 CPUs, 1h) comes at 10m.
 */
class ConfPreemptTimesTest {

    static final String LOW_HIGH = """
            {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
            {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
            """;

    private static Map<String, JobRun> run(Scenario s) {
        return SlurmPreemptionTest.byName(SlurmPreemptionTest.run(s));
    }

    @Test
    void aJobYoungerThanTheClustersExemptTimeIsNotPreempted() throws Exception {
        // PreemptExemptTime 30m (cluster): low is 10m old when high comes, so it keeps running until 30m;
        // then it is requeued, high runs 30m–1h30m and low restarts from scratch: ends 1h30m + 2h
        Scenario s = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE, SlurmPreemptionTest.BATCH,
                "{\"name\": \"normal\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\", \"exemptTime\": \"30m\"}", LOW_HIGH);
        Map<String, JobRun> jobs = run(s);
        assertThat(jobs.get("high").firstStart()).isEqualTo(1800);
        assertThat(jobs.get("low").end()).isEqualTo(1800 + 3600 + 7200);
        assertThat(jobs.get("low").state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void theQosExemptTimeTakesPrecedenceOverTheClusters() throws Exception {
        // normal's own PreemptExemptTime 5m beats the cluster's 30m: low (10m old) is preempted at once
        Scenario shorter = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE, SlurmPreemptionTest.BATCH,
                "{\"name\": \"normal\", \"preemptExemptTime\": \"5m\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\", \"exemptTime\": \"30m\"}", LOW_HIGH);
        assertThat(run(shorter).get("high").firstStart()).isEqualTo(600);
        // and a QOS exempt time of 0 given explicitly also wins (0 is a setting, not "unset")
        Scenario zero = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE, SlurmPreemptionTest.BATCH,
                "{\"name\": \"normal\", \"preemptExemptTime\": \"0s\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\", \"exemptTime\": \"30m\"}", LOW_HIGH);
        assertThat(run(zero).get("high").firstStart()).isEqualTo(600);
    }

    static final String PARTS = "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"priorityTier\": 1, \"graceTime\": \"5m\"},"
            + " {\"name\": \"urgent\", \"nodes\": [\"cn\"], \"priorityTier\": 2}";
    static final String LOW_URGENT = """
            {"name": "low", "submit": 0, "user": "ana", "partition": "batch", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
            {"name": "urgent", "submit": "10m", "user": "ben", "partition": "urgent", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
            """;

    @Test
    void thePartitionsGraceDelaysAPartitionPrioPreemptionByExactlyTheGrace() throws Exception {
        // batch's GraceTime 5m: low gets SIGTERM at 10m and is requeued at 15m; urgent runs 15m–1h15m;
        // low restarts at 1h15m and ends at 3h15m
        Scenario s = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE, PARTS, "{\"name\": \"normal\"}",
                "{\"type\": \"partition_prio\", \"mode\": \"requeue\"}", LOW_URGENT);
        Map<String, JobRun> jobs = run(s);
        assertThat(jobs.get("urgent").firstStart()).isEqualTo(600 + 300);
        assertThat(jobs.get("low").end()).isEqualTo(900 + 3600 + 7200);

        // without the grace: at 10m exactly (the difference is the grace, nothing else)
        Scenario none = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE, PARTS.replace(", \"graceTime\": \"5m\"", ""),
                "{\"name\": \"normal\"}", "{\"type\": \"partition_prio\", \"mode\": \"requeue\"}", LOW_URGENT);
        assertThat(run(none).get("urgent").firstStart()).isEqualTo(600);
    }

    @Test
    void underPreemptQosThePartitionsGraceDoesNotApply() throws Exception {
        // preempt/qos takes the victim QOS's GraceTime (none here), not batch's 5m
        Scenario s = SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE,
                "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"graceTime\": \"5m\"}",
                "{\"name\": \"normal\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}", LOW_HIGH);
        assertThat(run(s).get("high").firstStart()).isEqualTo(600);
    }

    @Test
    void slurmConfsExemptTimeAndGraceTimeAreMappedAndSurviveTheScenarioFile() throws Exception {
        String conf = """
                ClusterName=t
                PreemptType=preempt/partition_prio
                PreemptMode=REQUEUE
                PreemptExemptTime=00:30:00
                NodeName=cn1 CPUs=8 RealMemory=16000
                PartitionName=batch Nodes=cn1 Default=YES PriorityTier=1 GraceTime=300
                PartitionName=urgent Nodes=cn1 PriorityTier=2
                """;
        ImportReport report = new ImportReport();
        SlurmConf parsed = SlurmConfParser.parse(conf, "slurm.conf", Path.of("."), report);
        SlurmSite files = new SlurmSite(parsed, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), report);
        NodeCluster cluster = SiteMapping.cluster(files);
        Site site = cluster.site();
        assertThat(site.preemptExemptSeconds()).isEqualTo(1800);
        assertThat(site.partition("batch").graceSeconds()).isEqualTo(300);
        assertThat(site.partition("urgent").graceSeconds()).isZero();
        assertThat(report.ignored()).noneMatch(i -> i.toString().contains("GraceTime") || i.toString().contains("PreemptExemptTime"));

        // written and read back: the same values
        Scenario s = org.preemptlab.backend.slurm.SlurmScenarioImport.fromSite(files, "slurm.conf", "slurm.conf",
                org.preemptlab.backend.slurm.SlurmScenarioImport.Options.defaults());
        String json = ScenarioWriter.toJson(s, Path.of("."));
        assertThat(json).contains("\"exemptTime\"").contains("\"graceTime\"");
        Scenario back = ScenarioReader.read(json, "s.json", Path.of("."));
        Site b = ((NodeCluster) back.cluster()).site();
        assertThat(b.preemptExemptSeconds()).isEqualTo(1800);
        assertThat(b.partition("batch").graceSeconds()).isEqualTo(300);
    }

    @Test
    void aNegativeGraceOrExemptTimeInAScenarioIsRefusedWithItsPath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE,
                        SlurmPreemptionTest.BATCH, "{\"name\": \"normal\"}", "{\"type\": \"qos\", \"exemptTime\": -5}", LOW_HIGH))
                .hasMessageContaining("slurmPreempt.exemptTime");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlurmPreemptionTest.scenario(SlurmPreemptionTest.ONE_NODE,
                        "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"graceTime\": -1}", "{\"name\": \"normal\"}",
                        "{\"type\": \"qos\"}", LOW_HIGH))
                .hasMessageContaining("graceTime");
    }
}
