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
import org.preemptlab.scenario.SchedulerSpec;
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

    /**
     * One node of 4 CPUs. A (2 CPUs, 1 h) runs from 0; B (3 CPUs, 1 h, first in the queue) cannot start before A ends and
     * gets a backfill plan from 3600 s; C (1 CPU, 2 h, submitted after B) fits now in the 2 free CPUs. With plans of B's own
     * 3 CPUs, C's CPU is free beside B's plan (2 free now, 4 − 3 = 1 from 3600 s): the first backfill cycle after C's submit
     * (120 s) starts it. Slurm's plan holds B's <b>whole</b> node from 3600 s, and C's 2 h would run into it: C is kept off
     * the node and starts only when B does (A's end, 3600 s).
     */
    private static String oneNode(String policy) {
        return """
                {"formatVersion": 2, "name": "whole-node plans",
                 "cluster": {"nodes": [{"name": "cn", "hostNames": "cn1", "cpus": 4, "realMemory": "8G"}], "defMemPerCpu": 1024},
                 "partitions": [{"name": "cpu", "nodes": ["cn"], "default": true, "maxTime": "1d"}],
                 "qos": [{"name": "normal"}],
                 "accounts": [{"name": "lab", "users": [{"name": "ana"}]}],
                 "policy": %s,
                 "jobs": [
                   {"name": "A", "submit": 0, "user": "ana", "partition": "cpu", "ntasks": 2, "estimate": "1h", "runtime": "1h"},
                   {"name": "B", "submit": 50, "user": "ana", "partition": "cpu", "ntasks": 3, "estimate": "1h", "runtime": "1h"},
                   {"name": "C", "submit": 100, "user": "ana", "partition": "cpu", "ntasks": 1, "estimate": "2h", "runtime": "2h"}
                 ]}""".formatted(policy);
    }

    @Test
    void theDefaultPlansAreSlurmsWholeNodesAndAPlanKeepsASmallJobOffItsNode() throws Exception {
        Scenario byDefault = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\"}"), "t", null);
        assertEquals(BackfillPlans.WHOLE_NODES, byDefault.scheduler().backfillPlans());
        assertEquals(BackfillPlans.WHOLE_NODES, ((SlurmSchedulerPolicy) byDefault.policy()).plans());
        Map<String, Long> whole = starts(byDefault);
        assertEquals(0L, whole.get("A"));
        assertEquals(3600L, whole.get("B"));
        assertEquals(3600L, whole.get("C"), "B's plan holds its whole node from 3600 s: C (2 h) may not start before B");
        // the same as the file saying so
        assertEquals(whole, starts(ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"whole-nodes\"}"), "t", null)));

        Scenario own = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"own-resources\"}"), "t", null);
        assertEquals(BackfillPlans.OWN_RESOURCES, own.scheduler().backfillPlans());
        Map<String, Long> mine = starts(own);
        assertEquals(0L, mine.get("A"));
        assertEquals(3600L, mine.get("B"));
        assertEquals(120L, mine.get("C"), "B's plan holds its 3 CPUs only: C's one CPU beside it is free, backfilled at 120 s");
    }

    @Test
    void backfillPlansReadBackAndAreCheckedWithTheirPlace() throws Exception {
        Scenario own = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"own-resources\"}"), "t", null);
        String json = ScenarioWriter.toJson(own, null);
        assertTrue(json.contains("\"backfillPlans\": \"own-resources\""), json);
        assertEquals(own.scheduler(), ScenarioReader.read(json, "t", null).scheduler());
        // the default is not written (a file without the field reads it)
        Scenario whole = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"whole-nodes\"}"), "t", null);
        String wholeJson = ScenarioWriter.toJson(whole, null);
        assertTrue(!wholeJson.contains("backfillPlans"), wholeJson);
        assertEquals(whole.scheduler(), ScenarioReader.read(wholeJson, "t", null).scheduler());

        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioReader.read(
                oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"nodes\"}"), "t", null));
        assertTrue(e.getMessage().contains("policy.backfillPlans: \"nodes\"; unknown backfill plans; use whole-nodes, own-resources"),
                e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioReader.read(
                oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": 3}"), "t", null));
        assertTrue(e.getMessage().contains("policy.backfillPlans: 3"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioReader.read(
                oneNode("{\"scheduler\": \"easy\", \"backfillPlans\": \"own-resources\"}"), "t", null));
        assertTrue(e.getMessage().contains("policy.backfillPlans: \"own-resources\"; only slurm uses backfillPlans"), e.getMessage());

        // the model refuses the same, naming the value
        IllegalArgumentException m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SchedulerSpec.of(SchedulerKind.EASY).withBackfillPlans(BackfillPlans.OWN_RESOURCES));
        assertEquals("easy takes no backfillPlans (\"own-resources\"); only slurm does", m.getMessage());
        assertEquals(BackfillPlans.WHOLE_NODES, SchedulerSpec.of(SchedulerKind.SLURM).backfillPlans());
        assertEquals(BackfillPlans.WHOLE_NODES, SchedulerSpec.of(SchedulerKind.EASY).backfillPlans());
        assertEquals(BackfillPlans.OWN_RESOURCES, SchedulerSpec.slurm("bf_interval=60", BackfillPlans.OWN_RESOURCES)
                .withSlurmParameters("bf_interval=90").backfillPlans());
        // switching to another scheduler drops slurm's settings
        assertEquals(SchedulerSpec.of(SchedulerKind.EASY),
                SchedulerSpec.slurm("", BackfillPlans.OWN_RESOURCES).withKind(SchedulerKind.EASY));
        m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> BackfillPlans.parse("nodes"));
        assertEquals("\"nodes\"; must be whole-nodes or own-resources", m.getMessage());
    }

    @Test
    void runNotesSayWhenThePlansAreNotSlurms() throws Exception {
        Scenario whole = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\"}"), "t", null);
        assertTrue(org.preemptlab.scenario.SlurmWarnings.of(whole).stream().noneMatch(w -> w.contains("backfill plans")));
        Scenario own = ScenarioReader.read(oneNode("{\"scheduler\": \"slurm\", \"backfillPlans\": \"own-resources\"}"), "t", null);
        assertTrue(org.preemptlab.scenario.SlurmWarnings.of(own).stream().anyMatch(w -> w.contains("policy.backfillPlans: own-resources")));
        // a maintenance window: the policy sees a reservation for the whole run, so the plans hold the jobs' own resources
        String withWindow = oneNode("{\"scheduler\": \"slurm\"}").replace("\"jobs\": [",
                "\"maintenance\": [{\"name\": \"m\", \"start\": \"5h\", \"duration\": \"1h\", \"nodes\": \"all\", \"strategy\": \"drain\"}],\n \"jobs\": [");
        Scenario windowed = ScenarioReader.read(withWindow, "t", null);
        assertTrue(org.preemptlab.scenario.SlurmWarnings.of(windowed).stream()
                .anyMatch(w -> w.contains("with maintenance windows or advance reservations each plan holds only")));
        assertEquals(120L, starts(windowed).get("C"), "own-resource plans where Slurm's do not apply: C backfilled at 120 s");
    }
}
