package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * Slurm's node choice (cons_tres {@code _eval_nodes}), worked by hand. Node indices as in the sandbox's
 * slurm.conf: c1–c5 = 0–4 (4 CPUs), g1–g3 = 5–7 (8 CPUs, 2 GPUs); the situations are slurmctld's own
 * (full-log-run1, 2026-12-06), where sacct recorded the nodes Slurm chose.
 */
class ConsTresSelectTest {

    /**
     * Job 13_0 (partition all, 3 nodes × 1 CPU) at 17:17:44: c3 idle (4 free), c5 2 free, g3 6 free, every
     * other node full. Three one-node sets, none sufficient: the one with most CPUs first (g3), then c3,
     * then c5 — Slurm's c[3,5],g3, across both node kinds.
     */
    @Test
    void aJobSpansNodeKindsTakingTheLargestInsufficientSetsFirst() {
        int[] nodes = {2, 4, 7};
        long[] avail = {4, 2, 6};
        assertThat(ConsTresSelect.select(nodes, avail, null, 3, 3, 1)).containsExactly(2, 4, 7);
        // two nodes wanted: g3 (largest); then one node is wanted and {c3}, {c5} both suffice: the tighter, c5
        assertThat(ConsTresSelect.select(nodes, avail, null, 3, 2, 1)).containsExactly(4, 7);
    }

    /**
     * Job 11 (cpu, 1 × 1 CPU) at 17:17:38: c3 idle (4 free), c4 and c5 2 free each (job 8 on them): one set
     * c3–c5; one node wanted, so the node with the fewest free CPUs that hold the job, the first of equals:
     * c4 (Slurm's choice; first fit would take c3).
     */
    @Test
    void oneNodeGoesToTheBusiestNodeThatHoldsIt() {
        assertThat(ConsTresSelect.select(new int[] {2, 3, 4}, new long[] {4, 2, 2}, null, 3, 1, 1)).containsExactly(3);
        // a node with fewer CPUs than the job takes is not a fit
        assertThat(ConsTresSelect.select(new int[] {2, 3, 4}, new long[] {4, 2, 2}, null, 3, 1, 3)).containsExactly(2);
    }

    /**
     * Sets c1–c2 (8 CPUs) and c4 (2): for one node of 2 CPUs both suffice and the tighter (c4) wins; for
     * two nodes only c1–c2 suffices, and c4, insufficient with fewer CPUs, does not replace it.
     */
    @Test
    void theTightestSufficientSetWins() {
        int[] nodes = {0, 1, 3};
        long[] avail = {4, 4, 2};
        assertThat(ConsTresSelect.select(nodes, avail, null, 3, 1, 2)).containsExactly(3);
        assertThat(ConsTresSelect.select(nodes, avail, null, 3, 2, 2)).containsExactly(0, 1);
    }

    /**
     * Slurm's rule as written: an insufficient set with more CPUs than a sufficient best replaces it. Set
     * c1–c3 (1 CPU free each: 3 CPUs, enough for 2 nodes × 1 CPU) and g1 (8 free, one node): g1 is taken
     * first, then the best-fit node of c1–c3 (c1).
     */
    @Test
    void anInsufficientSetWithMoreCpusReplacesASufficientOne() {
        assertThat(ConsTresSelect.select(new int[] {0, 1, 2, 5}, new long[] {1, 1, 1, 8}, null, 4, 2, 1)).containsExactly(0, 5);
    }

    /** Lower Weight first, even when its set alone is not enough; sets break where the weight changes. */
    @Test
    void lowerWeightComesFirst() {
        int[] nodes = {0, 1, 2, 3, 4, 5, 6, 7};
        long[] avail = {4, 4, 4, 4, 4, 8, 8, 8};
        long[] weight = {10, 10, 10, 10, 10, 1, 1, 1};
        assertThat(ConsTresSelect.select(nodes, avail, weight, 8, 2, 4)).containsExactly(5, 6);
        // four nodes: g1–g3 (weight 1) are not enough and are all taken, then one node of weight 10
        assertThat(ConsTresSelect.select(nodes, avail, weight, 8, 4, 4)).containsExactly(0, 5, 6, 7);
        // equal weights: one set, sufficient: its first nodes
        assertThat(ConsTresSelect.select(nodes, avail, null, 8, 2, 4)).containsExactly(0, 1);
    }

    @Test
    void tooFewNodesIsNoChoice() {
        assertThat(ConsTresSelect.select(new int[] {0, 5}, new long[] {4, 8}, null, 2, 3, 1)).isNull();
        assertThatThrownBy(() -> ConsTresSelect.select(new int[] {0}, new long[] {4}, null, 1, 0, 1))
                .hasMessageContaining("wanted: 0 nodes");
    }

    /**
     * On the sandbox's site (TresCapacity): with c1 full, a job of partition all wanting 3 nodes × 2 CPUs
     * gets c2, g1, g2 (one set across the node kinds) with Slurm's selection; first fit in one node group
     * finds no group with 3 free nodes. A GPU job never takes c nodes.
     */
    @Test
    void tresCapacityPlacesAcrossNodeGroupsWithSlurmsSelection(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, String.join("\n",
                "ClusterName=t", "SlurmctldHost=localhost", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core_Memory",
                "GresTypes=gpu",
                "NodeName=c[1-2] CPUs=4 RealMemory=8000 State=UNKNOWN",
                "NodeName=g[1-2] CPUs=8 RealMemory=16000 Gres=gpu:t4:2 State=UNKNOWN",
                "PartitionName=cpu Nodes=c[1-2] Default=YES MaxTime=10 State=UP",
                "PartitionName=all Nodes=c[1-2],g[1-2] MaxTime=10 State=UP", ""));
        NodeCluster cluster = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
        TresCapacity firstFit = (TresCapacity) Capacity.of(cluster);
        firstFit.take(firstFit.place(job(1, "cpu", 1, 4, List.of())));
        TresCapacity slurm = firstFit.withSlurmSelection();
        assertThat(slurm.slurmSelection()).isTrue();
        assertThat(slurm.copy().slurmSelection()).isTrue();

        JobSpec wide = job(2, "all", 3, 2, List.of());
        assertThat(firstFit.place(wide)).isNull();
        Placement p = slurm.place(wide);
        assertThat(names(cluster, p)).containsExactly("c2", "g1", "g2");
        assertThat(p.coresPerNode()).isEqualTo(2);
        slurm.take(p);
        assertThat(slurm.freeCpusOn(1)).isEqualTo(2);
        assertThat(slurm.freeCpusOn(3)).isEqualTo(6);

        // one node of 2 CPUs: the busiest that holds it, c2 (2 free) before g1, g2 (6 free)
        assertThat(names(cluster, slurm.place(job(3, "all", 1, 2, List.of())))).containsExactly("c2");
        // a GPU: only g nodes; the first of equals
        assertThat(names(cluster, slurm.place(job(4, "all", 1, 1, List.of(new Gres("gpu", "", 1))))))
                .containsExactly("g1");
    }

    /**
     * A GPU job counts only its own CPUs on each node (cons_tres {@code _select_cores} → {@code gres_select_filter_sock_core}
     * clears a node's other free cores). slurmctld of the fresh CI run 1 (7 December, 13:45:00.444): g1 full (job 21, 8
     * CPUs), g2 idle (6 ended at 13:44:59.472), g3 running job 10 (1 CPU, 1 GPU); job 27 (gpu, 1 node × 2 CPUs, gpu:1):
     * {@code sched: Allocate JobId=27 NodeList=g2}. By free CPUs g3 (7) is the tighter fit; by the job's own CPUs g2 and
     * g3 tie (2 each) and the set's first wins: g2. Then 28 (all, 2 × 1 CPU) g2, g3; 24 (gpu, 4 CPUs, no GPU) the
     * busiest: g2 (5 free) before g3 (6); 26 (4 CPUs) g3; and 23 (3 CPUs, gpu:2) fits nowhere (g2 1 CPU, 1 GPU free;
     * g3 2 CPUs, 1 GPU) — Slurm started it only at 13:45:20. The old count put 27 on g3, 24 on g3, 26 on g2 and 23 on
     * g2 at once.
     */
    @Test
    void aGpuJobCountsItsOwnCpusSoEqualNodesGoInNodeOrder(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, String.join("\n",
                "ClusterName=t", "SlurmctldHost=localhost", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core_Memory",
                "GresTypes=gpu",
                "NodeName=c[1-5] CPUs=4 RealMemory=8000 State=UNKNOWN",
                "NodeName=g[1-3] CPUs=8 RealMemory=16000 Gres=gpu:t4:2 State=UNKNOWN",
                "PartitionName=cpu Nodes=c[1-5] Default=YES MaxTime=10 State=UP",
                "PartitionName=gpu Nodes=g[1-3] MaxTime=10 State=UP",
                "PartitionName=all Nodes=c[1-5],g[1-3] MaxTime=10 State=UP", ""));
        NodeCluster cluster = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
        TresCapacity slurm = ((TresCapacity) Capacity.of(cluster)).withSlurmSelection();
        for (int c = 0; c < 5; c++) slurm.take(slurm.placeOn(job(100 + c, "cpu", 1, 4, List.of()), new int[] {c}));
        slurm.take(slurm.placeOn(job(21, "gpu", 1, 8, List.of()), new int[] {5}));
        slurm.take(slurm.placeOn(job(10, "gpu", 1, 1, List.of(new Gres("gpu", "", 1))), new int[] {7}));

        Placement j27 = slurm.place(job(27, "gpu", 1, 2, List.of(new Gres("gpu", "", 1))));
        assertThat(names(cluster, j27)).containsExactly("g2");
        slurm.take(j27);
        Placement j28 = slurm.place(job(28, "all", 2, 1, List.of()));
        assertThat(names(cluster, j28)).containsExactly("g2", "g3");
        slurm.take(j28);
        Placement j24 = slurm.place(job(24, "gpu", 1, 4, List.of()));
        assertThat(names(cluster, j24)).containsExactly("g2");
        slurm.take(j24);
        Placement j26 = slurm.place(job(26, "gpu", 1, 4, List.of()));
        assertThat(names(cluster, j26)).containsExactly("g3");
        slurm.take(j26);
        assertThat(slurm.place(job(23, "gpu", 1, 3, List.of(new Gres("gpu", "", 2))))).isNull();
    }

    @Test
    void onlyAJobWithGresOnPartOfANodeCountsItsOwnCpus() {
        assertThat(ConsTresSelect.availableCpus(7, new long[] {2, 2000, 0, 1})).isEqualTo(2);
        assertThat(ConsTresSelect.availableCpus(7, new long[] {2, 2000, 0, 0})).isEqualTo(7); // no GRES
        assertThat(ConsTresSelect.availableCpus(7, new long[] {2, 2000, 0})).isEqualTo(7); // a site without GRES
        assertThat(ConsTresSelect.availableCpus(8, new long[] {8, 16000, 1, 2})).isEqualTo(8); // a whole node
    }

    private static List<String> names(NodeCluster cluster, Placement p) {
        return java.util.Arrays.stream(p.nodes()).mapToObj(cluster::nodeName).toList();
    }

    private static JobSpec job(int id, String partition, int nodes, int cpus, List<Gres> gres) {
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(List.of(partition)).gresPerNode(gres).build();
        return new JobSpec(id, "j" + id, 0, nodes, cpus, 1000, 60, 60, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }
}
