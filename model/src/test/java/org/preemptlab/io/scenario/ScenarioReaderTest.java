package org.preemptlab.io.scenario;

import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.scenario.ScenarioTestSupport.ONE_JOB;
import static org.preemptlab.io.scenario.ScenarioTestSupport.pools;
import static org.preemptlab.io.scenario.ScenarioTestSupport.read;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

class ScenarioReaderTest {

    @Test
    void defaultsOfAMinimalScenario() throws Exception {
        Scenario s = read(pools(ONE_JOB, ""));
        assertThat(s.name()).isEqualTo("t");
        assertThat(s.description()).isEmpty();
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.cluster()).isEqualTo(new NodeCluster(List.of(
                new NodePool("public", 2, 8, 65536, "", List.of(), 1000),
                new NodePool("private", 4, 8, 0, "lab", List.of("preempt"), 1000))));
        assertThat(s.jobs()).containsExactly(new JobSpec(1, "A", 0, 1, 1, 0, 3600, 600, "normal", "", List.of(), true,
                true, 0, 0, null));
        assertThat(s.scheduler()).isEqualTo(SchedulerSpec.of("easy"));
        assertThat(s.rules()).isEqualTo(PreemptionRules.NONE);
        assertThat(s.settings()).isEqualTo(PreemptionSettings.defaults());
        assertThat(s.maintenance()).isEmpty();
        assertThat(s.failures()).isEqualTo(FailureModel.NONE);
        assertThat(s.horizon()).isNull();
        assertThat(s.trace()).isNull();
        assertThat(s.traceReport()).isNull();
    }

    @Test
    void everyJobFieldAndIdsInFileOrderSortedBySubmitStably() throws Exception {
        String jobs = """
                {"name": "Late", "submit": "1h", "nodes": 2, "coresPerNode": 4, "memoryPerNodeMb": 1024,
                 "estimate": "01:30:00", "runtime": "1h15m", "qos": "preempt", "group": "phys", "pools": ["private"],
                 "rerunnable": false, "checkpointable": false, "imageMbPerNode": 2048, "checkpointInterval": "20m"},
                {"name": "Early", "submit": 0, "nodes": 1, "estimate": 60, "runtime": 0},
                {"name": "Tie", "submit": 3600, "nodes": 1, "estimate": 60, "runtime": 60}
                """;
        Scenario s = read(pools(jobs, ""));
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly("Early", "Late", "Tie");
        assertThat(s.jobs()).extracting(JobSpec::id).containsExactly(2, 1, 3);
        assertThat(s.jobs().get(1)).isEqualTo(new JobSpec(1, "Late", 3600, 2, 4, 1024, 5400, 4500, "preempt", "phys",
                List.of("private"), false, false, 2048, 1200, null));
    }

    @Test
    void descriptionAsLinesSeedHorizonAndProcessorMode() throws Exception {
        Scenario s = read("""
                {"formatVersion": 1, "name": "m", "description": ["first", "", "third"], "seed": -7, "horizon": "7d",
                 "cluster": {"processors": 128}, "policy": {"scheduler": "conservative"},
                 "jobs": [{"name": "J", "submit": "2d", "procs": 128, "estimate": "1d", "runtime": "23:59:59"}]}
                """);
        assertThat(s.description()).isEqualTo("first\n\nthird");
        assertThat(s.seed()).isEqualTo(-7);
        assertThat(s.horizon()).isEqualTo(7 * 86400L);
        assertThat(s.cluster()).isEqualTo(new ProcessorMachine(128));
        assertThat(s.jobs().get(0)).isEqualTo(JobSpec.ofProcessors(1, 172800, 128, 86400, 86399).withName("J"));
    }

    @Test
    void preemptionSection() throws Exception {
        Scenario s = read(pools(ONE_JOB, """
                , "preemption": {"owner": true, "qos": true, "tiers": {"owner": 2, "normal": 1, "scavenger": 0},
                   "victimOrder": "least-work-lost", "exemptSeconds": "10m", "graceSeconds": 30, "requeue": "head",
                   "chains": {"preempt": ["requeue", "cancel"]}, "defaultChain": ["suspend", "checkpoint", "requeue", "kill"],
                   "checkpoint": {"checkpointSeconds": 215, "storageMBps": 850.5}}
                """));
        assertThat(s.rules()).isEqualTo(new PreemptionRules(true, true, Map.of("owner", 2, "normal", 1, "scavenger", 0),
                VictimOrder.LEAST_WORK_LOST, 600, Map.of("preempt", List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL)),
                List.of(PreemptMechanism.SUSPEND, PreemptMechanism.CHECKPOINT, PreemptMechanism.REQUEUE,
                        PreemptMechanism.KILL)));
        // a checkpointSeconds without a model means the fixed model; the restart costs the same by default
        assertThat(s.settings()).isEqualTo(new PreemptionSettings(30, true, CheckpointCost.fixed(215, 215), 850.5));
    }

    @Test
    void anEmptyPreemptionSectionTurnsOwnerPreemptionOn() throws Exception {
        Scenario s = read(pools(ONE_JOB, ", \"preemption\": {}"));
        assertThat(s.rules().ownerPreemption()).isTrue();
        assertThat(s.rules().qosPreemption()).isFalse();
        assertThat(s.rules().defaultChain()).containsExactly(PreemptMechanism.REQUEUE, PreemptMechanism.KILL);
        assertThat(s.settings().cost()).isEqualTo(CheckpointCost.imageSize());
    }

    @Test
    void aggressiveCheckpointParametersAndTheirDefaults() throws Exception {
        String niu = pools(ONE_JOB, ", \"preemption\": {\"checkpoint\": {\"model\": \"fixed\", \"checkpointSeconds\": 100,"
                + " \"restartSeconds\": 50}}").replace("{\"scheduler\": \"easy\"}", "{\"scheduler\": \"aggressive-checkpoint\"}");
        // T_extend defaults to T_chk + T_restart of the fixed model
        assertThat(read(niu).scheduler()).isEqualTo(SchedulerSpec.aggressiveCheckpoint(0.2, 1800, 150, false));
        String explicit = niu.replace("{\"scheduler\": \"aggressive-checkpoint\"}",
                "{\"scheduler\": \"aggressive-checkpoint\", \"p\": 0.5, \"thresholdSeconds\": \"1h\", \"extendSeconds\": 430,"
                        + " \"killInstead\": true}");
        assertThat(read(explicit).scheduler()).isEqualTo(SchedulerSpec.aggressiveCheckpoint(0.5, 3600, 430, true));
    }

    @Test
    void maintenanceNodesArePoolsAndNamesUnitedAndSorted() throws Exception {
        Scenario s = read(pools(ONE_JOB, """
                , "horizon": "2d",
                  "maintenance": [
                    {"name": "fs", "start": "10h", "duration": "2h", "nodes": ["private-4", "public-2"], "pools": ["private"],
                     "strategy": "drain-then-checkpoint", "drainHorizon": "1h"},
                    {"start": 0, "duration": 60, "nodes": "all", "strategy": "kill"}
                  ]
                """));
        assertThat(s.maintenance()).hasSize(2);
        MaintenanceWindow fs = s.maintenance().get(0);
        assertThat(fs.name()).isEqualTo("fs");
        assertThat(fs.start()).isEqualTo(36000);
        assertThat(fs.duration()).isEqualTo(7200);
        assertThat(fs.nodes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(fs.strategy()).isEqualTo(MaintenanceStrategy.DRAIN_THEN_CHECKPOINT);
        assertThat(fs.drainHorizon()).isEqualTo(3600);
        MaintenanceWindow all = s.maintenance().get(1);
        assertThat(all.name()).isEqualTo("maintenance-2");
        assertThat(all.nodes()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void processorNamesInMaintenance() throws Exception {
        Scenario s = read("""
                {"formatVersion": 1, "name": "m", "cluster": {"processors": 4}, "policy": {"scheduler": "easy"},
                 "jobs": [{"name": "J", "submit": 0, "procs": 1, "estimate": 60, "runtime": 60}],
                 "maintenance": [{"start": 0, "duration": 60, "nodes": ["p3", "p0"], "strategy": "drain"}]}
                """);
        assertThat(s.maintenance().get(0).nodes()).containsExactly(0, 3);
        assertThat(ScenarioTestSupport.problems("""
                {"formatVersion": 1, "name": "m", "cluster": {"processors": 4}, "policy": {"scheduler": "easy"},
                 "jobs": [{"name": "J", "submit": 0, "procs": 1, "estimate": 60, "runtime": 60}],
                 "maintenance": [{"start": 0, "duration": 60, "nodes": ["p4", "p01"], "pools": ["x"], "strategy": "drain"}]}
                """)).containsExactly(
                "maintenance[0].nodes[0]: \"p4\"; not a processor of this machine (p0 … p3)",
                "maintenance[0].nodes[1]: \"p01\"; not a processor of this machine (p0 … p3)",
                "maintenance[0].pools: [\"x\"]; a processor machine has no pools; list the processors in \"nodes\"");
    }

    @Test
    void failuresTakeTheScenarioSeedByDefault() throws Exception {
        Scenario s = read(pools(ONE_JOB, ", \"seed\": 42, \"failures\": {\"nodeMtbf\": \"30d\", \"repair\": \"1h\"}"));
        assertThat(s.failures()).isEqualTo(new FailureModel(30 * 86400, 3600, 42));
        Scenario t = read(pools(ONE_JOB, ", \"failures\": {\"nodeMtbf\": 1000, \"seed\": 7}"));
        assertThat(t.failures()).isEqualTo(new FailureModel(1000, 0, 7));
    }

    @Test
    void nullCountsAsAbsent() throws Exception {
        Scenario s = read(pools(ONE_JOB.replace("\"submit\": 0", "\"submit\": 0, \"qos\": null"), ", \"seed\": null"));
        assertThat(s.jobs().get(0).qos()).isEqualTo("normal");
        assertThat(s.seed()).isEqualTo(1);
    }
}
