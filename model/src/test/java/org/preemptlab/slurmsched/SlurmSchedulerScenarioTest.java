package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/** {@code "scheduler": "slurm"} in a version-2 scenario, with its SchedulerParameters. */
class SlurmSchedulerScenarioTest {

    /**
     * Partition cpu: 2 nodes of 4 CPUs; partition gpu: 1 node. A holds one cpu node for 1 h; B (first
     * in the queue) needs both cpu nodes and blocks partition cpu; C (one cpu node, 10 min) can only
     * start by backfill; D (gpu partition) is not blocked by cpu.
     */
    private static String scenario(String policy) {
        return """
                {"formatVersion": 2, "name": "slurm loop",
                 "cluster": {"nodes": [{"name": "cn", "hostNames": "cn[1-2]", "cpus": 4, "realMemory": "8G"},
                                       {"name": "gn", "hostNames": "gn1", "cpus": 4, "realMemory": "8G"}],
                             "defMemPerCpu": 1024},
                 "partitions": [{"name": "cpu", "nodes": ["cn"], "default": true, "maxTime": "1d"},
                                {"name": "gpu", "nodes": ["gn"], "maxTime": "1d"}],
                 "qos": [{"name": "normal"}],
                 "accounts": [{"name": "lab", "users": [{"name": "ana"}]}],
                 "policy": %s,
                 "jobs": [
                   {"name": "A", "submit": 0, "user": "ana", "partition": "cpu", "ntasks": 4, "estimate": "1h", "runtime": "1h"},
                   {"name": "B", "submit": 50, "user": "ana", "partition": "cpu", "nodes": 2, "ntasks": 8, "estimate": "1h", "runtime": "1h"},
                   {"name": "C", "submit": 100, "user": "ana", "partition": "cpu", "ntasks": 4, "estimate": "10m", "runtime": "10m"},
                   {"name": "D", "submit": 100, "user": "ana", "partition": "gpu", "ntasks": 4, "estimate": "10m", "runtime": "10m"}
                 ]}""".formatted(policy);
    }

    private static Map<String, Long> starts(Scenario s) {
        SimulationResult r = new Simulation(s.toConfig(false)).run();
        Map<String, Long> out = new HashMap<>();
        r.jobs().forEach(j -> out.put(j.spec().name(), j.firstStart()));
        return out;
    }

    @Test
    void backfillWaitsForItsIntervalAndABlockedPartitionDoesNotBlockAnother() throws Exception {
        Scenario s = ScenarioReader.read(scenario("{\"scheduler\": \"slurm\", \"schedulerParameters\": \"bf_interval=300,sched_interval=600\"}"),
                "t", null);
        assertEquals(SchedulerKind.SLURM, s.scheduler().kind());
        assertEquals("bf_interval=300,sched_interval=600", s.scheduler().slurmParameters());
        Map<String, Long> st = starts(s);
        assertEquals(0L, st.get("A"));
        assertEquals(100L, st.get("D"), "partition gpu is not blocked by cpu's B: the main scheduler starts D on submit");
        assertEquals(300L, st.get("C"), "C fits only by backfill: the first bf_interval tick after its submit");
        assertEquals(3600L, st.get("B"));

        // Slurm's defaults (bf_interval=30): C is backfilled at the first 30-s tick instead
        Map<String, Long> defaults = starts(ScenarioReader.read(scenario("{\"scheduler\": \"slurm\"}"), "t", null));
        assertEquals(120L, defaults.get("C"));
        // EASY backfills C at once
        assertEquals(100L, starts(ScenarioReader.read(scenario("{\"scheduler\": \"easy\"}"), "t", null)).get("C"));
    }

    @Test
    void schedulerParametersReadBackAndAreCheckedWithTheirName() throws Exception {
        Scenario s = ScenarioReader.read(scenario("{\"scheduler\": \"slurm\", \"schedulerParameters\": \"bf_interval=300,bf_continue\"}"),
                "t", null);
        Scenario back = ScenarioReader.read(ScenarioWriter.toJson(s, null), "t", null);
        assertEquals(s.scheduler(), back.scheduler());

        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioReader.read(
                scenario("{\"scheduler\": \"slurm\", \"schedulerParameters\": \"bf_interval=0\"}"), "t", null));
        assertTrue(e.getMessage().contains("schedulerParameters") && e.getMessage().contains("bf_interval"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioReader.read(
                scenario("{\"scheduler\": \"easy\", \"schedulerParameters\": \"bf_interval=30\"}"), "t", null));
        assertTrue(e.getMessage().contains("only slurm uses schedulerParameters"), e.getMessage());
    }
}
