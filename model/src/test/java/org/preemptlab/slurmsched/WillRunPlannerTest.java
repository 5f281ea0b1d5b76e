package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * Slurm 22.05's test of a job in a backfill cycle ({@link WillRunPlanner}), hand-worked on the sandbox's site (c1–c5: 4
 * CPUs; g1–g3: 8 CPUs, 2 GPUs; partitions cpu, gpu, all) from the real run of 2026-12-06 17:17 (fixture
 * {@code full-log-run1}): the running jobs of its backfill cycle at 17:18:44 (t = 95 s after the first submit, 17:17:09,
 * which is 9 s past a multiple of 30 s of the wall clock), with their nodes and CPUs from sacct.
 */
class WillRunPlannerTest {

    private NodeCluster cluster;
    private TresCapacity free;
    private final List<Long> ends = new ArrayList<>();
    private final List<Placement> held = new ArrayList<>();

    private static JobSpec job(int id, String part, int nodes, int cpus, long memPerNode, long limit, int gpus) {
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(List.of(part))
                .gresPerNode(gpus == 0 ? List.of() : List.of(new Gres("gpu", "", gpus))).build();
        return new JobSpec(id, "j" + id, 0, nodes, cpus, memPerNode, limit, limit, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }

    private int node(String name) {
        for (int n = 0; n < cluster.nodeCount(); n++) if (cluster.nodeName(n).equals(name)) return n;
        throw new IllegalArgumentException(name);
    }

    private void running(String part, String nodes, int cpusPerNode, long memPerNode, int gpus, long start, long limit) {
        int[] on = Arrays.stream(nodes.split(",")).mapToInt(this::node).toArray();
        Placement p = Placement.ofTres(cluster.poolOf(on[0]), on, cpusPerNode, memPerNode, new long[] {gpus},
                cluster.site().partitionIndex(part), false);
        free.take(p);
        held.add(p);
        ends.add(start + limit);
    }

    private List<String> names(Placement p) {
        return Arrays.stream(p.nodes()).mapToObj(cluster::nodeName).toList();
    }

    private void site(Path dir) throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, String.join("\n",
                "ClusterName=t", "SlurmctldHost=localhost", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core_Memory",
                "GresTypes=gpu",
                "NodeName=c[1-5] CPUs=4 RealMemory=8000 State=UNKNOWN",
                "NodeName=g[1-3] CPUs=8 RealMemory=16000 Gres=gpu:t4:2 State=UNKNOWN",
                "PartitionName=cpu Nodes=c[1-5] Default=YES MaxTime=10 State=UP",
                "PartitionName=gpu Nodes=g[1-3] MaxTime=10 State=UP",
                "PartitionName=all Nodes=c[1-5],g[1-3] MaxTime=10 State=UP", ""));
        cluster = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
        free = ((TresCapacity) Capacity.of(cluster)).withSlurmSelection();
    }

    private WillRunPlanner planner(long now, long epoch) {
        long[] e = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        TresStepProfile profile = TresStepProfile.ofReleases(now, free.copy(), e, h);
        return new WillRunPlanner(now, 3600, 10, profile, e, h, cluster.nodeCount(), epoch);
    }

    private java.util.BitSet partition(String first, String last) {
        java.util.BitSet b = new java.util.BitSet();
        b.set(node(first), node(last) + 1);
        return b;
    }

    /** The running jobs of run 1 at t = 95 (sacct: nodes, CPUs, memory, start; end = start + Timelimit). */
    private void run1At95(Path dir) throws Exception {
        site(dir);
        running("cpu", "c4", 1, 2500, 0, 30, 180); // 12
        running("all", "c3,c5,g3", 1, 500, 0, 35, 180); // 13_0
        running("all", "c3,c5,g3", 1, 500, 0, 35, 180); // 13_1
        running("gpu", "g2", 6, 6000, 0, 70, 180); // 16
        running("cpu", "c1,c2", 4, 1000, 0, 79, 120); // 18
        running("all", "g3", 4, 2000, 0, 52, 240); // 22
        running("gpu", "g1", 4, 4000, 0, 85, 240); // 24
        running("gpu", "g1", 2, 2000, 1, 66, 180); // 27
        running("cpu", "c3", 1, 1500, 0, 80, 120); // 31
        running("cpu", "c4", 3, 1500, 0, 92, 180); // 34
        running("all", "g1,g2", 1, 500, 0, 89, 180); // 35
        running("all", "g3", 2, 1000, 0, 95, 120); // 36, started by this cycle
    }

    private static final long EPOCH = 1796577429L; // 2026-12-06T17:17:09Z, the first submit of run 1

    private String plan(WillRunPlanner p, JobSpec job, java.util.BitSet part) {
        WillRunPlanner.Outcome o = p.test(job, part, job.estimate());
        if (o.start() > 95) p.reserve(o.placement(), o.start(), job.estimate());
        return o.start() + " " + names(o.placement());
    }

    /**
     * In priority order (sacct's Priority: 20 15607, 33 10548, 37 6822): 20 (cpu, 2 × 4 CPUs, 2 min) fits once c1, c2
     * are free at 199; the batch of ends from 199 (barrier: 199 is 28 s past a wall-clock multiple of 30, so 201; window
     * 30 s: to 231) takes 199, 200, 210, 215, 215 out, so it starts at 215, on c1, c2 (the first set of nodes that hold
     * 4 CPUs, c1–c3, is sufficient), and c1, c2 are planned over [210, 330). 33 (cpu, 3 CPUs, 3 min) may use c3–c5 only
     * (the plan from 210 lies within [95, 275]); it fits at 215, the batch ends at 215; c3 and c5 (4 free each) are sets
     * of one node, c3 the first: [210, 390). 37 (all, 2 × 4 CPUs, 2 min) may use c4, c5, g1–g3 over [95, 215]; it fits
     * at 215 (c5, g3), but the batch from the first end among those nodes' jobs, 210 (barrier 231, to 261), holds 246
     * and 250 too: it starts at 250, when g2 has 7 CPUs free and g3 4: the set g2, g3 (c4 and g1 hold fewer than 4).
     */
    @Test
    void eachJobStartsAtTheEndOfItsWillRunBatchOnTheNodesNoPlanHolds(@TempDir Path dir) throws Exception {
        run1At95(dir);
        WillRunPlanner p = planner(95, EPOCH);
        assertThat(plan(p, job(20, "cpu", 2, 4, 2000, 120, 0), partition("c1", "c5"))).isEqualTo("215 [c1, c2]");
        assertThat(plan(p, job(33, "cpu", 1, 3, 2500, 180, 0), partition("c1", "c5"))).isEqualTo("215 [c3]");
        assertThat(plan(p, job(37, "all", 2, 4, 2000, 120, 0), partition("c1", "g3"))).isEqualTo("250 [g2, g3]");
    }

    /**
     * slurmctld's log of that run had {@code _dump_job_sched: JobId=37 to start at 17:20:44 (t = 215) on nodes c5,g3}.
     * That is the will-run answer when the cycle's earlier plans hold c1–c4, g1 and g2 over 37's window: the jobs on
     * planned nodes do not enter the batches, so the first batch (from 215, barrier 231, to 261) holds 215 alone (the
     * next end on c5 or g3 is 292), and c5, g3 are the nodes that then hold 4 CPUs. With the plans holding only the
     * plan's own CPUs (the model before), jobs on c4, g1, g2 would enter the batch and 37 would start at 250 or later.
     */
    @Test
    void theLogsPlanOfJob37FollowsWhenPlansHoldTheOtherNodesWhole(@TempDir Path dir) throws Exception {
        run1At95(dir);
        WillRunPlanner p = planner(95, EPOCH);
        assertThat(plan(p, job(20, "cpu", 2, 4, 2000, 120, 0), partition("c1", "c5"))).isEqualTo("215 [c1, c2]");
        assertThat(plan(p, job(33, "cpu", 1, 3, 2500, 180, 0), partition("c1", "c5"))).isEqualTo("215 [c3]");
        for (String n : List.of("c4", "g1", "g2")) { // held by plans of higher-priority jobs (which, the log does not say)
            p.reserve(Placement.ofTres(cluster.poolOf(node(n)), new int[] {node(n)}, 1, 100, new long[] {0}, 2, false), 210, 120);
        }
        assertThat(plan(p, job(37, "all", 2, 4, 2000, 120, 0), partition("c1", "g3"))).isEqualTo("215 [c5, g3]");
    }

    /**
     * A plan found on nodes an earlier plan holds later in its window is tested again from its start
     * ({@code _test_resv_overlap}, {@code TRY_LATER}): with g3 planned from 300, 37's answer on c4, c5, g1–g3 (250 on g2,
     * g3) meets that plan over [250, 370); from 250 it may use c4, c5, g1, g2 (later_start: 330, when c1, c2 come back);
     * it fits at 250 on c5 and g2 (the batch from 210 ends at 250), c5 and g2 being sets of one node each (c4 and g1
     * hold fewer than 4 CPUs; neither suffices alone, the one with more CPUs, g2, is used first).
     */
    @Test
    void aPlanOverlappingAnEarlierPlanIsTestedAgainFromItsStart(@TempDir Path dir) throws Exception {
        run1At95(dir);
        WillRunPlanner p = planner(95, EPOCH);
        plan(p, job(20, "cpu", 2, 4, 2000, 120, 0), partition("c1", "c5"));
        plan(p, job(33, "cpu", 1, 3, 2500, 180, 0), partition("c1", "c5"));
        p.reserve(Placement.ofTres(cluster.poolOf(node("g3")), new int[] {node("g3")}, 1, 100, new long[] {0}, 2, false), 300, 120);
        assertThat(plan(p, job(37, "all", 2, 4, 2000, 120, 0), partition("c1", "g3"))).isEqualTo("250 [c5, g2]");
    }

    /** A job that fits now on nodes no plan holds over its window starts now, on the nodes the select picks now. */
    @Test
    void aJobThatFitsNowStartsNow(@TempDir Path dir) throws Exception {
        run1At95(dir);
        WillRunPlanner p = planner(95, EPOCH);
        // 2 CPUs: c5 has 2 free now (c3 has 1, c4 none); nothing is planned yet
        assertThat(plan(p, job(40, "cpu", 1, 2, 500, 180, 0), partition("c1", "c5"))).isEqualTo("95 [c5]");
        // with c5 planned from 210, a job of 3 min (to 275) may not use it: c1–c4 are full but for c3's 1 CPU; it fits
        // once c1, c2 are free (199), in the batch 199–215 (to 231; 13_0, 13_1 end on c3 at 215); then c1–c3 have 4
        // CPUs each, c4 1: one set, sufficient, and the first of its nodes with the fewest free CPUs, c1
        p.reserve(Placement.ofTres(cluster.poolOf(node("c5")), new int[] {node("c5")}, 1, 100, new long[] {0}, 0, false), 210, 120);
        assertThat(plan(p, job(41, "cpu", 1, 2, 500, 180, 0), partition("c1", "c5"))).isEqualTo("215 [c1]");
    }
}
