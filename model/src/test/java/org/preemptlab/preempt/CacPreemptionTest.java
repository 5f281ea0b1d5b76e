package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/**
 * Seed 002's example (CAC, University of Michigan): 2 public nodes, 4 private nodes; public jobs
 * with the preempt QOS borrow private nodes; the owners' jobs preempt them back to the queue.
 * Timesteps 1–4 are t = 0, 100, 200, 300.
 */
class CacPreemptionTest {

    static final NodeCluster CLUSTER = new NodeCluster(List.of(
            new NodePool("public", 2, 1, 0, "", List.of(), 1000),
            new NodePool("private", 4, 1, 0, "chem", List.of("preempt"), 1000)));

    static JobSpec job(int id, String name, long submit, long runtime, String qos, String group) {
        return new JobSpec(id, name, submit, 1, 1, 0, 1000, runtime, qos, group, List.of(), true, false, 0, 0, null);
    }

    static List<JobSpec> jobs() {
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(job(1, "PublicJob1", 0, 300, "preempt", ""));
        jobs.add(job(2, "PublicJob2", 0, 300, "preempt", ""));
        for (int k = 3; k <= 8; k++) jobs.add(job(k, "PublicJob" + k, 100, 1000, "preempt", ""));
        jobs.add(job(9, "PrivateJob1", 200, 100, "normal", "chem"));
        jobs.add(job(10, "PrivateJob2", 200, 100, "normal", "chem"));
        return jobs;
    }

    static final PreemptionRules OWNER_REQUEUE = new PreemptionRules(true, false, Map.of(), VictimOrder.YOUNGEST_FIRST, 0,
            Map.of(), List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL));

    @Test
    void placementsMatchTheDocumentAtEveryTimestep() {
        Simulation sim = new Simulation(SimulationConfig.of(CLUSTER, jobs(),
                new PreemptingScheduler(new FcfsPolicy(), OWNER_REQUEUE), true));
        advanceTo(sim, 0);
        assertThat(nodes(sim)).containsExactlyInAnyOrderEntriesOf(Map.of("public-1", "PublicJob1", "public-2", "PublicJob2"));
        assertThat(queue(sim)).isEmpty();

        advanceTo(sim, 100);
        assertThat(nodes(sim)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "public-1", "PublicJob1", "public-2", "PublicJob2",
                "private-1", "PublicJob3", "private-2", "PublicJob4", "private-3", "PublicJob5", "private-4", "PublicJob6"));
        assertThat(queue(sim)).containsExactly("PublicJob7", "PublicJob8");

        advanceTo(sim, 200);
        assertThat(nodes(sim)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "public-1", "PublicJob1", "public-2", "PublicJob2",
                "private-1", "PrivateJob1", "private-2", "PrivateJob2", "private-3", "PublicJob5", "private-4", "PublicJob6"));
        assertThat(queue(sim)).containsExactly("PublicJob3", "PublicJob4", "PublicJob7", "PublicJob8");

        advanceTo(sim, 300);
        assertThat(nodes(sim)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "public-1", "PublicJob3", "public-2", "PublicJob4",
                "private-1", "PublicJob7", "private-2", "PublicJob8", "private-3", "PublicJob5", "private-4", "PublicJob6"));
        assertThat(queue(sim)).isEmpty();

        while (sim.step()) { }
        assertThat(sim.jobs()).allMatch(j -> j.state() == org.preemptlab.job.JobState.COMPLETED);
        // PublicJob3 and 4 each lost the 100 s they had run on the private nodes
        assertThat(sim.jobs().stream().filter(j -> j.timesPreempted() > 0).map(JobView::name))
                .containsExactly("PublicJob3", "PublicJob4");
    }

    /** The sample file sample-clusters/cac-preempt-qos.json gives the same schedule as this test's scenario. */
    @Test
    void sampleFileReproducesTheDocument() throws Exception {
        java.nio.file.Path dir = java.nio.file.Paths.get("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        assertThat(dir).as("repository root with sample-clusters/").isNotNull();
        var scenario = org.preemptlab.io.scenario.ScenarioReader.read(dir.resolve("sample-clusters/cac-preempt-qos.json"));
        assertThat(scenario.cluster()).isInstanceOf(NodeCluster.class);
        NodeCluster cluster = (NodeCluster) scenario.cluster();
        assertThat(cluster.nodeName(0)).isEqualTo("public-1");
        assertThat(cluster.nodeName(5)).isEqualTo("private-4");
        Simulation sim = new Simulation(scenario.toConfig(true));
        advanceTo(sim, 300);
        Map<String, String> at300 = new TreeMap<>();
        for (JobView r : sim.snapshot().running()) for (int n : r.placement().nodes()) at300.put(cluster.nodeName(n), r.name());
        assertThat(at300).containsExactlyInAnyOrderEntriesOf(Map.of(
                "public-1", "PublicJob3", "public-2", "PublicJob4",
                "private-1", "PublicJob7", "private-2", "PublicJob8", "private-3", "PublicJob5", "private-4", "PublicJob6"));
    }

    static void advanceTo(Simulation sim, long t) {
        sim.begin();
        while (sim.nextEventTime() <= t && sim.step()) { }
    }

    static Map<String, String> nodes(Simulation sim) {
        Map<String, String> out = new TreeMap<>();
        for (JobView r : sim.snapshot().running()) {
            for (int n : r.placement().nodes()) out.put(CLUSTER.nodeName(n), r.name());
        }
        return out;
    }

    static List<String> queue(Simulation sim) {
        return sim.snapshot().queue().stream().map(JobView::name).toList();
    }
}
