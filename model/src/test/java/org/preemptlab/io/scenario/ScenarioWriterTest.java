package org.preemptlab.io.scenario;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.scenario.ScenarioTestSupport.ONE_JOB;
import static org.preemptlab.io.scenario.ScenarioTestSupport.pools;
import static org.preemptlab.io.scenario.ScenarioTestSupport.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

class ScenarioWriterTest {

    private static final String FULL = pools("""
            {"name": "Late", "submit": "1h", "nodes": 2, "coresPerNode": 4, "memoryPerNodeMb": 1024,
             "estimate": "01:30:00", "runtime": 4501, "qos": "preempt", "group": "phys", "pools": ["private"],
             "rerunnable": false, "checkpointable": false, "imageMbPerNode": 2048, "checkpointInterval": "20m"},
            {"name": "Early \\"quoted\\" ü", "submit": 0, "nodes": 1, "estimate": 60, "runtime": 0},
            {"name": "Tie", "submit": 3600, "nodes": 1, "estimate": 60, "runtime": 60}
            """, """
            , "description": ["Line one", "", "line \\"three\\""], "seed": 9, "horizon": "3d",
              "preemption": {"owner": true, "qos": true, "tiers": {"normal": 1, "owner": 2}, "victimOrder": "fewest-victims",
                 "exemptSeconds": 61, "graceSeconds": 30, "requeue": "head",
                 "chains": {"preempt": ["suspend", "kill"], "a": ["checkpoint"]}, "defaultChain": ["requeue"],
                 "checkpoint": {"model": "fixed", "checkpointSeconds": 215, "restartSeconds": 100, "storageMBps": 850.5}},
              "maintenance": [
                {"name": "a", "start": "10h", "duration": "2h", "nodes": ["public-2"], "pools": ["private"],
                 "strategy": "drain-then-checkpoint", "drainHorizon": "1h"},
                {"name": "b", "start": 100, "duration": 60, "nodes": "all", "strategy": "kill"},
                {"name": "c", "start": 0, "duration": 60, "nodes": ["private-2"], "strategy": "checkpoint"}],
              "failures": {"nodeMtbf": "30d", "repair": 90, "seed": 5}
            """).replace("{\"scheduler\": \"easy\"}",
            "{\"scheduler\": \"aggressive-checkpoint\", \"p\": 0.1, \"thresholdSeconds\": 1800, \"extendSeconds\": 315}");

    @Test
    void roundTripOfEverySection() throws Exception {
        Scenario s = read(FULL);
        String json = ScenarioWriter.toJson(s, Path.of("."));
        assertThat(read(json)).isEqualTo(s);
        assertThat(ScenarioWriter.toJson(read(json), Path.of("."))).isEqualTo(json);
    }

    @Test
    void roundTripOfAScenarioBuiltInCode() throws Exception {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("a", 3, 4, 0),
                new NodePool("b", 2, 8, 4096, "lab", List.of("*"), 1234.25)));
        List<JobSpec> jobs = List.of(
                new JobSpec(1, "x", 0, 1, 4, 0, 100, 100, "normal", "", List.of(), true, true, 0, 0, null),
                new JobSpec(2, "y", 7, 2, 8, 2048, 86400, 3600, "preempt", "g", List.of("b"), true, false, 5, 0, null));
        Scenario s = new Scenario("built", "multi\nline\n", 3, cluster, jobs, SchedulerSpec.of("conservative"),
                new PreemptionRules(false, true, Map.of("normal", 1), VictimOrder.LARGEST_FIRST, 0,
                        Map.of(), List.of(PreemptMechanism.CHECKPOINT)),
                PreemptionSettings.defaults().withGrace(5),
                List.of(new MaintenanceWindow("w", 3600, 60, new int[] {0, 1, 2, 4}, MaintenanceStrategy.DRAIN, 0)),
                new FailureModel(0, 60, 2), 86400L, null, null);
        assertThat(read(ScenarioWriter.toJson(s, null))).isEqualTo(s);
    }

    @Test
    void readableLayout() throws Exception {
        String json = ScenarioWriter.toJson(read(pools(ONE_JOB, ", \"maintenance\": [{\"name\": \"m\", \"start\": \"10h\","
                + " \"duration\": 5400, \"pools\": [\"public\"], \"strategy\": \"drain\"}]")), null);
        assertThat(json).isEqualTo("""
                {
                  "formatVersion": 1,
                  "name": "t",
                  "seed": 1,
                  "cluster": {
                    "pools": [
                      {"name": "public", "nodes": 2, "coresPerNode": 8, "memoryPerNodeMb": 65536},
                      {"name": "private", "nodes": 4, "coresPerNode": 8, "owner": "lab", "borrowers": ["preempt"]}
                    ]
                  },
                  "policy": {"scheduler": "easy"},
                  "jobs": [
                    {"name": "A", "submit": 0, "nodes": 1, "estimate": "1h", "runtime": "10m"}
                  ],
                  "maintenance": [
                    {"name": "m", "start": "10h", "duration": "1h30m", "pools": ["public"], "strategy": "drain"}
                  ]
                }
                """);
    }

    @Test
    void writesAtomicallyAndTheTracePathRelativeToTheNewFile(@TempDir Path dir) throws Exception {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        Files.copy(ScenarioTestSupport.fixture("tiny.swf"), traces.resolve("tiny.swf"));
        Path original = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("s.json"),
                "{\"formatVersion\": 1, \"name\": \"tr\", \"policy\": {\"scheduler\": \"easy\"},"
                        + " \"trace\": {\"path\": \"../traces/tiny.swf\", \"firstJob\": 2, \"toSubmit\": \"2h\"}}");
        Scenario s = ScenarioReader.read(original);
        Path saved = Files.createDirectories(dir.resolve("b/c")).resolve("saved.json");
        Files.writeString(saved, "old content");
        ScenarioWriter.write(s, saved);
        String text = Files.readString(saved);
        assertThat(text).contains("\"trace\": {\"path\": \"../../traces/tiny.swf\", \"firstJob\": 2, \"toSubmit\": \"2h\"}")
                .doesNotContain("cluster").doesNotContain("jobs");
        assertThat(ScenarioReader.read(saved)).isEqualTo(s);
        try (Stream<Path> files = Files.list(saved.getParent())) {
            assertThat(files).containsExactly(saved); // no temporary file left behind
        }
    }

    @Test
    void anExplicitClusterForATraceIsKept(@TempDir Path dir) throws Exception {
        Files.copy(ScenarioTestSupport.fixture("tiny.swf"), dir.resolve("tiny.swf"));
        Scenario s = ScenarioReader.read("{\"formatVersion\": 1, \"name\": \"tr\", \"policy\": {\"scheduler\": \"easy\"},"
                + " \"cluster\": {\"processors\": 32}, \"trace\": {\"path\": \"tiny.swf\"}}", "tr.json", dir);
        String json = ScenarioWriter.toJson(s, dir);
        assertThat(json).contains("\"cluster\": {\"processors\": 32}");
        assertThat(ScenarioReader.read(json, "tr.json", dir)).isEqualTo(s);
    }

    @Test
    void schedulerParametersOfOtherSchedulersAreRefusedNotDropped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchedulerSpec(SchedulerKind.EASY, 0.5, 1, 2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("easy takes no parameters (p = 0.5, thresholdSeconds = 1, extendSeconds = 2, killInstead = true);"
                        + " only aggressive-checkpoint does");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchedulerSpec(SchedulerKind.FCFS, 0.2, 1800, 0, false))
                .hasMessageContaining("extendSeconds = 0");
        assertThat(new SchedulerSpec(SchedulerKind.EASY, SchedulerSpec.DEFAULT_P, SchedulerSpec.DEFAULT_THRESHOLD_SECONDS,
                SchedulerSpec.DEFAULT_EXTEND_SECONDS, false)).isEqualTo(SchedulerSpec.of("easy"));
        assertThat(SchedulerSpec.aggressiveCheckpoint(0.5, 1, 2, true).withKind(SchedulerKind.AGGRESSIVE_CHECKPOINT).p())
                .isEqualTo(0.5);
    }

    @Test
    void checkpointImageModelAndDefaultsWritten() throws Exception {
        Scenario s = read(pools(ONE_JOB, ", \"preemption\": {\"owner\": false, \"checkpoint\": {\"model\": \"image\","
                + " \"storageMBps\": 500}}"));
        assertThat(s.settings().cost()).isEqualTo(CheckpointCost.imageSize());
        String json = ScenarioWriter.toJson(s, null);
        assertThat(json).contains("""
                  "preemption": {
                    "owner": false,
                    "qos": false,
                    "victimOrder": "youngest-first",
                    "exemptSeconds": 0,
                    "graceSeconds": 0,
                    "requeue": "priority",
                    "defaultChain": ["requeue", "kill"],
                    "checkpoint": {"model": "image", "storageMBps": 500}
                  },
                """);
        assertThat(read(json)).isEqualTo(s);
        // everything at its default is the same as no preemption section at all
        Scenario none = read(pools(ONE_JOB, ", \"preemption\": {\"owner\": false}"));
        assertThat(ScenarioWriter.toJson(none, null)).doesNotContain("preemption");
        assertThat(none).isEqualTo(read(pools(ONE_JOB, "")));
    }
}
