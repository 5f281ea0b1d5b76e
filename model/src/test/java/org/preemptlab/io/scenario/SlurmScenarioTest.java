package org.preemptlab.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.scenario.ScenarioTestSupport.problems;
import static org.preemptlab.io.scenario.ScenarioTestSupport.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.Scenario;

/** Scenario format version 2: a Slurm cluster's sections, their errors, and writing them back. */
class SlurmScenarioTest {

    static final String CLUSTER = """
            "cluster": {"nodes": [
              {"name": "gpu", "hostNames": "gpu[01-02]", "sockets": 2, "coresPerSocket": 16, "threadsPerCore": 2,
               "realMemory": "256G", "gres": "gpu:a100:4", "features": ["a100"]},
              {"name": "cpu", "count": 4, "cpus": 32, "realMemory": 131072}],
              "defMemPerCpu": 1024},
            """;

    static String v2(String sections, String jobs) {
        return "{\"formatVersion\": 2, \"name\": \"S\", " + CLUSTER + sections + " \"policy\": {\"scheduler\": \"easy\"},"
                + " \"jobs\": [" + jobs + "]}";
    }

    static final String PARTS = """
            "partitions": [{"name": "batch", "nodes": ["cpu"], "default": true, "maxTime": "1d"},
                           {"name": "gpu", "nodes": ["gpu"], "defaultTime": "2h", "maxTime": "1d", "priorityTier": 2}],
            "qos": [{"name": "normal"}, {"name": "high", "priority": 100, "preempt": ["normal"],
                     "limits": {"maxJobsPerUser": 2, "grpTres": "cpu=64,gres/gpu=4"}}],
            "accounts": [{"name": "chem", "shares": 40, "defaultQos": "normal", "users": [{"name": "ana"}, {"name": "ben", "shares": 2}]},
                         {"name": "ml", "parent": "chem", "users": [{"name": "ana"}]}],
            "priority": {"weights": {"age": 1000, "fairshare": 10000, "qos": 1000}, "calcPeriod": "5m", "fairShare": "classic"},
            "slurmPreempt": {"type": "qos", "mode": "requeue"},
            """;

    static final String JOB = "{\"name\": \"a\", \"submit\": 0, \"user\": \"ana\", \"account\": \"ml\", \"partition\": \"gpu\","
            + " \"ntasks\": 2, \"cpusPerTask\": 3, \"gres\": \"gpu:a100:1\", \"runtime\": \"1h\"}";

    @Test
    void readsNodesPartitionsAccountsQosPriorityAndJobs() throws Exception {
        Scenario s = read(v2(PARTS, JOB + ", {\"name\": \"b\", \"submit\": 10, \"user\": \"ben\", \"array\": \"0-3%2\","
                + " \"nodes\": \"1-2\", \"memPerCpu\": \"2G\", \"dependency\": \"afterok:a\", \"runtime\": 60, \"estimate\": \"10m\"}"));
        NodeCluster c = (NodeCluster) s.cluster();
        assertThat(c.site()).isNotNull();
        assertThat(c.pools().get(0).coresPerNode()).as("Slurm's CPUs: sockets × cores × threads").isEqualTo(64);
        assertThat(c.nodeName(1)).isEqualTo("gpu02");
        assertThat(c.site().partition("gpu").priorityTier()).isEqualTo(2);
        assertThat(c.site().qos().get("high").limits().maxJobsPerUser()).isEqualTo(2);
        assertThat(c.site().priority().weightFairshare()).isEqualTo(10000);
        JobSpec a = s.jobs().get(0);
        assertThat(a.coresPerNode()).as("2 tasks × 3 CPUs on one node").isEqualTo(6);
        assertThat(a.memoryPerNodeMb()).as("DefMemPerCPU × CPUs").isEqualTo(6 * 1024);
        assertThat(a.estimate()).as("the partition's DefaultTime").isEqualTo(7200);
        assertThat(a.qos()).as("the association's default QOS").isEqualTo("normal");
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly("a", "b_0", "b_1", "b_2", "b_3");
        JobSpec b1 = s.jobs().get(2);
        assertThat(b1.slurm().account()).as("the user's first association").isEqualTo("chem");
        assertThat(b1.slurm().arrayThrottle()).isEqualTo(2);
        assertThat(b1.slurm().maxNodes()).isEqualTo(2);
        assertThat(b1.memoryPerNodeMb()).isEqualTo(2048);
        assertThat(s.jobs()).extracting(JobSpec::id).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void writesAndReadsBackTheSameScenario(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Scenario s = read(v2(PARTS, JOB + ", {\"name\": \"b\", \"submit\": 10, \"user\": \"ben\", \"array\": \"0-3%2\","
                + " \"nodes\": \"1-2\", \"memPerCpu\": \"2G\", \"dependency\": \"afterok:a\", \"runtime\": 60, \"estimate\": \"10m\"}"));
        Path f = dir.resolve("s.json");
        ScenarioWriter.write(s, f);
        String text = Files.readString(f);
        assertThat(text).contains("\"formatVersion\": 2").contains("\"array\": \"0-3%2\"");
        Scenario back = ScenarioReader.read(f);
        assertThat(back.jobs()).isEqualTo(s.jobs());
        NodeCluster c = (NodeCluster) s.cluster();
        NodeCluster d = (NodeCluster) back.cluster();
        assertThat(d.pools()).isEqualTo(c.pools());
        assertThat(d.site().partitions()).isEqualTo(c.site().partitions());
        assertThat(d.site().qos().all()).isEqualTo(c.site().qos().all());
        assertThat(d.site().priority()).isEqualTo(c.site().priority());
        assertThat(d.site().accounts().keys()).isEqualTo(c.site().accounts().keys());
        assertThat(ScenarioWriter.toJson(back, dir)).isEqualTo(text);
    }

    @Test
    void versionOneFilesLoadUnchangedAndRefuseSlurmSections() {
        assertThat(problems("{\"formatVersion\": 1, \"name\": \"S\", \"cluster\": {\"pools\": [{\"name\": \"p\", \"nodes\": 1,"
                + " \"coresPerNode\": 4}]}, \"partitions\": [], \"policy\": {\"scheduler\": \"easy\"}, \"jobs\": ["
                + ScenarioTestSupport.ONE_JOB + "]}"))
                .contains("partitions: a version-2 (Slurm) section; set \"formatVersion\": 2 and give the cluster's \"nodes\"");
    }

    @Test
    void problemsNameTheirPath() {
        assertThat(problems(v2(PARTS, JOB).replace("\"gres\": \"gpu:a100:4\"", "\"gres\": \"gpu:a100:x:1\"")))
                .anyMatch(p -> p.startsWith("cluster.nodes[0].gres: \"gpu:a100:x:1\"; "));
        assertThat(problems(v2(PARTS, JOB.replace("\"partition\": \"gpu\"", "\"partition\": \"gpux\""))))
                .anyMatch(p -> p.startsWith("jobs[0].partition: \"gpux\"; ") && p.contains("gpu"));
        assertThat(problems(v2(PARTS, JOB.replace("\"account\": \"ml\"", "\"account\": \"bio\""))))
                .anyMatch(p -> p.startsWith("jobs[0].account: \"bio\"; no association of user ana in account bio"));
        assertThat(problems(v2(PARTS, JOB.replace("gpu:a100:1", "gpu:a100:8"))))
                .anyMatch(p -> p.startsWith("jobs[0]: fits no node of partition gpu"));
        assertThat(problems(v2(PARTS.replace("\"preempt\": [\"normal\"]", "\"preempt\": [\"nope\"]"), JOB)))
                .anyMatch(p -> p.startsWith("qos[high].preempt: \"nope\"; no such QOS"));
        assertThat(problems(v2(PARTS, JOB.replace("\"ntasks\": 2", "\"ntasks\": 2, \"array\": \"3-1\""))))
                .anyMatch(p -> p.startsWith("jobs[0].array: \"3-1\"; write indices like"));
        assertThat(problems(v2(PARTS, JOB.replace("\"ntasks\": 2", "\"ntasks\": 2, \"dependency\": \"afterok:zz\""))))
                .anyMatch(p -> p.startsWith("jobs[0].dependency: \"zz\";"));
        assertThat(problems(v2(PARTS.replace("\"nodes\": [\"gpu\"]", "\"nodes\": [\"gpus\"]"), JOB)))
                .anyMatch(p -> p.startsWith("partitions[1].nodes[0]: \"gpus\"; ") && p.contains("\"gpu\""));
    }

    @Test
    void theSamplesLoad() throws Exception {
        for (String name : List.of("gpu-shared-nodes.json")) {
            Path p = Path.of("../sample-clusters", name);
            assertThat(ScenarioReader.read(p).cluster()).isInstanceOf(NodeCluster.class);
        }
    }
}
