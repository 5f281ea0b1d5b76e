package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.growth.NodeChange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.Scenario;

/** The growth axes of sweep files: load (arrival-rate factor) and nodes (added to a pool). */
class GrowthAxesTest {

    @TempDir
    Path dir;

    private String error(String json) throws IOException {
        try {
            SweepReader.read(SweepFixtures.write(dir, "sweep.json", json));
        } catch (SweepException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void loadAndNodesAxesMakeVariantsAndChangeTheScenario() throws IOException {
        SweepSpec s = SweepReader.read(SweepFixtures.write(dir, "sweep.json",
                SweepFixtures.traceSweep(300, "{\"policy\": [\"easy\", \"conservative\"], \"load\": [1, 2], \"nodes\": [0, 28]}")));
        List<Variant> v = s.variants();
        assertThat(v).hasSize(2 * 2 * 2);
        assertThat(v.get(3).label()).isEqualTo("kth policy=easy load=2 nodes=28");
        Scenario base = s.inputs().get(0).scenario();
        Scenario x = VariantScenario.of(base, v.get(3));
        int procs = ((ProcessorMachine) base.cluster()).procs();
        assertThat(x.cluster()).isEqualTo(new ProcessorMachine(procs + 28));
        List<JobSpec> a = base.jobs(), b = x.jobs();
        long first = a.get(0).submit();
        assertThat(b.get(a.size() - 1).submit() - first)
                .isBetween((a.get(a.size() - 1).submit() - first) / 2 - 1, (a.get(a.size() - 1).submit() - first) / 2 + 1);
        SweepRow row = SweepRunner.run(s, v.get(3));
        assertThat(row.load()).isEqualTo("2");
        assertThat(row.nodesAdded()).isEqualTo("28");
        // double the arrival rate on the same machine: waits cannot all vanish, and the rows differ
        SweepRow load2 = SweepRunner.run(s, v.get(2));
        SweepRow load1 = SweepRunner.run(s, v.get(0));
        assertThat(load2.meanWaitSeconds()).isGreaterThan(load1.meanWaitSeconds());
    }

    @Test
    void existingSweepFilesKeepTheirVariants() throws IOException {
        SweepSpec s = SweepReader.read(SweepFixtures.write(dir, "sweep.json",
                SweepFixtures.traceSweep(50, "{\"policy\": [\"easy\", \"aggressive-checkpoint\"], \"p\": [0.1, 0.2]}")));
        assertThat(s.variants()).extracting(Variant::label).containsExactly("kth policy=easy",
                "kth policy=aggressive-checkpoint p=0.1", "kth policy=aggressive-checkpoint p=0.2");
        assertThat(s.variants()).allMatch(x -> x.load() == null && x.nodes() == null);
    }

    @Test
    void namedPoolsGrow() throws IOException {
        Files.copy(SweepFixtures.samples().resolve("checkpoint-contention.json"), dir.resolve("c.json"));
        SweepSpec s = SweepReader.read(SweepFixtures.write(dir, "sweep.json",
                "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \"c.json\"}], \"axes\": {\"nodes\": [\"solo+3\"]}}"));
        Variant v = s.variants().get(0);
        assertThat(v.nodes()).isEqualTo(new NodeChange("solo", 3));
        NodeCluster before = (NodeCluster) s.inputs().get(0).scenario().cluster();
        NodeCluster after = (NodeCluster) VariantScenario.of(s.inputs().get(0).scenario(), v).cluster();
        int i = before.poolIndex("solo");
        assertThat(after.pools().get(i).nodes()).isEqualTo(before.pools().get(i).nodes() + 3);
    }

    @Test
    void badValuesAreNamed() throws IOException {
        assertThat(error(SweepFixtures.traceSweep(10, "{\"load\": [0, 1.2]}")))
                .contains("axes.load[0]: 0; must be > 0 (arrival-rate factor)");
        assertThat(error(SweepFixtures.traceSweep(10, "{\"nodes\": [-2]}")))
                .contains("axes.nodes[0]: -2; must be ≥ 0");
        assertThat(error(SweepFixtures.traceSweep(10, "{\"nodes\": [\"gpu+4\"]}")))
                .contains("axes.nodes: \"gpu+4\" for inputs[0] (kth)").contains("processor machine has no pools");
        assertThat(error(SweepFixtures.traceSweep(10, "{\"nodes\": [\"many\"]}")))
                .contains("axes.nodes[0]: \"many\"; \"many\" is not N or POOL+N");
    }
}
