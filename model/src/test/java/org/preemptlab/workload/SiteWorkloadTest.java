package org.preemptlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/** GPU and memory requests from configurable mixes, placed on a Slurm site (sample-clusters/gpu-shared-nodes.json). */
class SiteWorkloadTest {

    private static final String GPUS = "0.25:1/node:a100,0.1:2/job:a100,0.05:4/node";
    private static final String MEMORY = "0.5:2G/cpu,0.3:3G/cpu,0.15:100G/node";

    private static Scenario sample() throws Exception {
        Path p = Path.of("../sample-clusters/gpu-shared-nodes.json");
        return ScenarioReader.read(p.toFile().exists() ? p : Path.of("sample-clusters/gpu-shared-nodes.json"));
    }

    private static List<JobSpec> generate(Scenario site, int n, long seed) {
        List<JobSpec> jobs = LublinModel.of(n, 128, true, seed).generate();
        return new SiteWorkload((NodeCluster) site.cluster(), ResourceMix.parse(GPUS, MEMORY)).place(jobs, seed);
    }

    @Test
    void parsesAndPrintsTheTextForms() {
        ResourceMix m = ResourceMix.parse(GPUS, MEMORY);
        assertThat(m.gpus()).containsExactly(new ResourceMix.Gpu(0.25, 1, false, "a100"), new ResourceMix.Gpu(0.1, 2, true, "a100"),
                new ResourceMix.Gpu(0.05, 4, false, ""));
        assertThat(m.memory()).containsExactly(new ResourceMix.Memory(0.5, 2048, true), new ResourceMix.Memory(0.3, 3072, true),
                new ResourceMix.Memory(0.15, 102_400, false));
        assertThat(ResourceMix.parse(m.gpuText(), m.memoryText())).isEqualTo(m);
        assertThat(ResourceMix.parse(null, " ")).isEqualTo(ResourceMix.NONE);
        assertThatThrownBy(() -> ResourceMix.parse("0.7:1/node,0.4:2/node", null)).hasMessageContaining("add up to 1.1");
        assertThatThrownBy(() -> ResourceMix.parse("0.2:1", null)).hasMessageContaining("GPU entry \"0.2:1\"").hasMessageContaining("/node or /job");
        assertThatThrownBy(() -> ResourceMix.parse("0.2:x/node", null)).hasMessageContaining("\"x\" is not a whole number");
        assertThatThrownBy(() -> ResourceMix.parse(null, "0.5:2Q/cpu")).hasMessageContaining("memory entry \"0.5:2Q/cpu\"");
        assertThatThrownBy(() -> ResourceMix.parse(null, "1.5:2G/cpu")).hasMessageContaining("share 1.5");
    }

    /**
     * 20,000 jobs: each entry's share within ± 0.015 of the configured one (the sampling error of a share
     * p is √(p(1−p)/20000) ≤ 0.0036, so this is over 4 standard errors); the memory each gets follows its entry.
     */
    @Test
    void generatedSharesMatchTheMix() throws Exception {
        Scenario site = sample();
        List<JobSpec> jobs = generate(site, 20_000, 5);
        assertThat(generate(site, 20_000, 5)).isEqualTo(jobs);
        assertThat(generate(site, 20_000, 6)).isNotEqualTo(jobs);
        Map<String, Integer> gpu = new HashMap<>();
        Map<String, Integer> memory = new HashMap<>();
        for (JobSpec j : jobs) {
            var r = j.slurm();
            String g = r.gpusPerJob() > 0 ? r.gpusPerJob() + "/job:" + r.gpuType()
                    : r.gresPerNode().isEmpty() ? "none" : r.gresPerNode().get(0).count() + "/node:" + r.gresPerNode().get(0).type();
            gpu.merge(g, 1, Integer::sum);
            long mem = j.memoryPerNodeMb();
            String m = mem == 102_400 ? "100G/node" : mem == 2048L * j.coresPerNode() ? "2G/cpu"
                    : mem == 3072L * j.coresPerNode() ? "3G/cpu" : "other";
            memory.merge(m, 1, Integer::sum);
            if (!r.gresPerNode().isEmpty() || r.gpusPerJob() > 0) assertThat(r.partitions()).containsExactly("gpu");
            else assertThat(r.partitions()).isEmpty();
        }
        double n = jobs.size();
        assertThat(gpu.get("1/node:a100") / n).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.015));
        assertThat(gpu.get("2/job:a100") / n).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.015));
        assertThat(gpu.get("4/node:") / n).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.015));
        assertThat(gpu.get("none") / n).isCloseTo(0.60, org.assertj.core.data.Offset.offset(0.015));
        // the site's DefMemPerCPU is 2048 MB: a job without a memory entry (5 %) gets 2G/cpu too
        assertThat(memory.get("2G/cpu") / n).isCloseTo(0.55, org.assertj.core.data.Offset.offset(0.015));
        assertThat(memory.get("3G/cpu") / n).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.015));
        assertThat(memory.get("100G/node") / n).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.015));
        assertThat(memory).doesNotContainKey("other");
        assertThat(SiteWorkload.allCouldRun((NodeCluster) site.cluster(), jobs)).isTrue();
    }

    /** The generated jobs, written as a version-2 scenario and read back, run on the GPU sample without over-allocating a node. */
    @Test
    void runsOnTheGpuSampleWithoutOverAllocating() throws Exception {
        Scenario site = sample();
        List<JobSpec> jobs = generate(site, 400, 11);
        Scenario s = site.toBuilder().jobs(jobs).name("generated").build();
        Scenario back = ScenarioReader.read(ScenarioWriter.toJson(s, null), "generated.json", null);
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(back.jobs().get(i)).usingRecursiveComparison().isEqualTo(s.jobs().get(i));
        }
        assertThat(back.jobs()).isEqualTo(s.jobs());
        SimulationResult r = new Simulation(back.toConfig(true)).run();
        NodeCluster cluster = (NodeCluster) back.cluster();
        for (JobRun j : r.jobs()) assertThat(j.state()).as(j.name()).isEqualTo(JobState.COMPLETED);
        List<Segment> running = r.timeline().segments().stream().filter(x -> x.kind() == SegmentKind.RUNNING && x.end() > x.start()).toList();
        int gpuJobs = 0;
        for (Segment at : running) {
            long t = at.start();
            Map<Integer, long[]> use = new HashMap<>();
            for (Segment x : running) {
                if (x.start() > t || x.end() <= t) continue;
                JobSpec spec = r.job(x.job()).spec();
                for (int node : x.nodes()) {
                    long[] u = use.computeIfAbsent(node, k -> new long[3]);
                    NodePool g = cluster.pools().get(cluster.poolOf(node));
                    boolean whole = spec.slurm().exclusive();
                    u[0] += whole ? g.coresPerNode() : spec.coresPerNode();
                    u[1] += whole ? g.memoryPerNodeMb() : spec.memoryPerNodeMb();
                    for (Gres want : spec.slurm().gresOnEachNode(spec.nodes())) u[2] += want.count();
                }
            }
            use.forEach((node, u) -> {
                NodePool g = cluster.pools().get(cluster.poolOf(node));
                assertThat(u[0]).as("CPUs on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.coresPerNode());
                assertThat(u[1]).as("memory on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.memoryPerNodeMb());
                assertThat(u[2]).as("GPUs on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.gresCount(new Gres("gpu", "", 1)));
            });
            JobSpec spec = r.job(at.job()).spec();
            if (!spec.slurm().gresOnEachNode(spec.nodes()).isEmpty()) {
                gpuJobs++;
                for (int node : at.nodes()) assertThat(cluster.pools().get(cluster.poolOf(node)).name()).isEqualTo("gpu");
            }
        }
        assertThat(gpuJobs).as("GPU jobs run").isGreaterThan(100);
    }
}
