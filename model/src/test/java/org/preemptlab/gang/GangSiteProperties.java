package org.preemptlab.gang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.account.AccountTree;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Constraint;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * Gang scheduling on random Slurm (version-2) sites: a FORCE:N partition over a GPU node group and
 * a NO partition over another group. At every instant, on every node: the CPUs allocated (running
 * and suspended jobs) at most N times the node's (1 time outside the FORCE partition), the CPUs of
 * running jobs at most the node's, and memory and GPUs of all jobs on it (suspended ones keep
 * theirs) at most the node's: neither is oversubscribed. Every job ends, having done its work.
 */
class GangSiteProperties {

    @Property(tries = 25)
    void forceNSharesCpusNeverMemoryOrGres(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 3) int share, @ForAll @LongRange(min = 10, max = 90) long slice) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NodePool shared = new NodePool("gpu", 2, 8, 32_768, "", List.of(), 1000, 1, List.of(new Gres("gpu", "a100", 2)), List.of(),
                List.of());
        NodePool plain = new NodePool("cpu", 2, 8, 32_768, "", List.of(), 1000, 1, List.of(), List.of(), List.of());
        List<Partition> partitions = List.of(
                Partition.of("gang", List.of("gpu")).toBuilder().isDefault(true).overSubscribe(OverSubscribe.FORCE, share).build(),
                Partition.of("batch", List.of("cpu")));
        AccountTree tree = AccountTree.builder().account("acc", "root", 1).user("u0", "acc", 1).user("u1", "acc", 1).build();
        QosTable qos = QosTable.builder().add(Qos.of("normal", 0)).build();
        Site site = new Site(partitions, SelectType.CONS_TRES, 0, tree, qos, null, rnd.nextBoolean(), null, null);
        NodeCluster cluster = new NodeCluster(List.of(shared, plain), site);

        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        int n = 5 + rnd.nextInt(16);
        for (int i = 0; i < n; i++) {
            submit += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(120);
            List<String> parts = rnd.nextInt(4) == 0 ? List.of("batch") : List.of("gang");
            List<Gres> gres = parts.get(0).equals("gang") && rnd.nextInt(3) == 0 ? List.of(new Gres("gpu", "", 1 + rnd.nextInt(2)))
                    : List.of();
            SlurmRequest req = new SlurmRequest("u" + rnd.nextInt(2), "acc", parts, 0, gres, 0, "", Constraint.NONE,
                    rnd.nextInt(10) == 0, false, 0, -1, "", -1, 0, List.of());
            long runtime = 1 + rnd.nextInt(400);
            jobs.add(new JobSpec(i + 1, "j" + (i + 1), submit, 1 + (rnd.nextInt(4) == 0 ? 1 : 0), 1 + rnd.nextInt(8),
                    1024L * rnd.nextInt(20), runtime + rnd.nextInt(400), runtime, "normal", "acc", List.of(), true, true, 0, 0,
                    null, req));
        }
        SimulationResult r = new Simulation(SimulationConfig.of(cluster, jobs, new EasyBackfillPolicy(), true)
                .withGang(GangSettings.NONE.withTimeSlice(slice))).run();

        for (JobRun j : r.jobs()) {
            assertThat(j.state()).as(j.spec().name()).isEqualTo(JobState.COMPLETED);
            long worked = r.timeline().segments().stream().filter(s -> s.job() == j.index() && s.kind() == SegmentKind.RUNNING)
                    .mapToLong(s -> s.end() - s.start()).sum();
            assertThat(worked).as("work of %s", j.spec().name()).isEqualTo(j.spec().runtime());
        }
        TreeSet<Long> instants = new TreeSet<>();
        for (Segment s : r.timeline().segments()) if (s.end() > s.start()) instants.add(s.start());
        for (long t : instants) {
            int nodes = cluster.nodeCount();
            long[] active = new long[nodes], allocated = new long[nodes], memory = new long[nodes], gpus = new long[nodes];
            for (Segment s : r.timeline().segments()) {
                if (!(s.start() <= t && t < s.end()) || s.kind() == SegmentKind.WAITING) continue;
                JobSpec spec = r.job(s.job()).spec();
                NodePool g = cluster.pools().get(cluster.poolOf(s.nodes()[0]));
                boolean whole = spec.slurm().exclusive();
                long want = 0;
                for (Gres w : spec.slurm().gresOnEachNode(spec.nodes())) want += w.count();
                for (int node : s.nodes()) {
                    long cpus = whole ? g.coresPerNode() : spec.coresPerNode();
                    allocated[node] += cpus;
                    memory[node] += whole ? g.memoryPerNodeMb() : spec.memoryPerNodeMb();
                    gpus[node] += whole ? g.gresCount(new Gres("gpu", "", 1)) : want;
                    if (s.kind() != SegmentKind.SUSPENDED) active[node] += cpus;
                }
            }
            for (int node = 0; node < nodes; node++) {
                NodePool g = cluster.pools().get(cluster.poolOf(node));
                int rows = g.name().equals("gpu") ? share : 1;
                assertThat(active[node]).as("running CPUs on node %d at %d", node, t).isLessThanOrEqualTo(g.coresPerNode());
                assertThat(allocated[node]).as("allocated CPUs on node %d at %d", node, t)
                        .isLessThanOrEqualTo((long) g.coresPerNode() * rows);
                assertThat(memory[node]).as("memory (running and suspended) on node %d at %d", node, t)
                        .isLessThanOrEqualTo(g.memoryPerNodeMb());
                assertThat(gpus[node]).as("GPUs (running and suspended) on node %d at %d", node, t)
                        .isLessThanOrEqualTo(g.gresCount(new Gres("gpu", "", 1)));
            }
        }
        assertThat(new Simulation(SimulationConfig.of(cluster, jobs, new EasyBackfillPolicy(), true)
                .withGang(GangSettings.NONE.withTimeSlice(slice))).run().timeline().hash()).as("same input, same log")
                .isEqualTo(r.timeline().hash());
    }
}
