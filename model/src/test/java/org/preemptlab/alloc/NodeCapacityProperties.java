package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;

/**
 * {@link NodeCapacity} keeps each pool's free cores beside the nodes' (issue 16: a full pool is
 * refused without a node scan) and walks the job's pools without a sorted list: after any sequence
 * of takes, releases, core-only releases and takes (suspend/resume), seizes and meets, its
 * {@code place} answers exactly the plain first fit over {@link NodeCapacity#poolOrder} and the
 * node-by-node free cores, and {@code freeCores()} is their sum.
 */
class NodeCapacityProperties {

    private static final String[] GROUPS = {"", "chem", "phys"};
    private static final String[] QOS = {"normal", "preempt"};

    @Property(tries = 200)
    void placeIsThePlainFirstFitAfterAnyChanges(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<NodePool> pools = new ArrayList<>();
        int poolCount = 1 + rnd.nextInt(4);
        for (int p = 0; p < poolCount; p++) {
            String owner = GROUPS[rnd.nextInt(GROUPS.length)];
            pools.add(new NodePool("p" + p, 1 + rnd.nextInt(6), 1 + rnd.nextInt(8), rnd.nextBoolean() ? 0 : 1000, owner,
                    owner.isEmpty() ? List.of() : List.of(rnd.nextBoolean() ? "*" : "preempt"), 1000));
        }
        NodeCluster cluster = new NodeCluster(pools);
        NodeCapacity c = new NodeCapacity(cluster);
        List<Placement> taken = new ArrayList<>();
        List<Placement> suspended = new ArrayList<>();
        for (int op = 0; op < 300; op++) {
            JobSpec job = job(rnd);
            int kind = rnd.nextInt(10);
            if (kind < 4) {
                Placement p = c.place(job);
                if (p != null) taken.add(c.take(p));
            } else if (kind < 6 && !taken.isEmpty()) {
                c.release(taken.remove(rnd.nextInt(taken.size())));
            } else if (kind < 7 && !taken.isEmpty()) { // suspend: cores back, memory kept
                Placement p = taken.remove(rnd.nextInt(taken.size()));
                c.releaseCores(p);
                suspended.add(p);
            } else if (kind < 8 && !suspended.isEmpty()) { // resume, or evict from memory
                Placement p = suspended.remove(rnd.nextInt(suspended.size()));
                if (c.coresFree(p)) {
                    c.takeCores(p);
                    taken.add(p);
                } else {
                    c.releaseMemory(p);
                }
            } else if (kind < 9) {
                c.seize(rnd.nextInt(cluster.nodeCount())); // kept out of use for good (a failure without repair)
            } else {
                NodeCapacity other = c.copy();
                other.seize(rnd.nextInt(cluster.nodeCount()));
                NodeCapacity met = (NodeCapacity) c.meet(other);
                for (int i = 0; i < 5; i++) {
                    JobSpec j = job(rnd);
                    assertThat(shown(met.place(j))).isEqualTo(shown(plainFirstFit(met, j)));
                }
                assertThat(met.freeCores()).isEqualTo(sumOfNodes(met));
            }
            assertThat(shown(c.place(job))).isEqualTo(shown(plainFirstFit(c, job)));
            assertThat(shown(c.copy().place(job))).isEqualTo(shown(plainFirstFit(c, job)));
            assertThat(c.freeCores()).isEqualTo(sumOfNodes(c));
        }
    }

    private static JobSpec job(Random rnd) {
        return new JobSpec(1, "j", 0, 1 + rnd.nextInt(4), 1 + rnd.nextInt(8), rnd.nextInt(3) * 400L, 100, 100,
                QOS[rnd.nextInt(QOS.length)], GROUPS[rnd.nextInt(GROUPS.length)], List.of(), true, true, 0, 0, null);
    }

    /** First fit in the job's pool order, node by node, as the capacity did before it kept per-pool counts. */
    private static Placement plainFirstFit(NodeCapacity c, JobSpec job) {
        NodeCluster cluster = c.cluster();
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < cluster.pools().size(); p++) if (cluster.pools().get(p).admits(job)) order.add(p);
        order.sort(Comparator.comparingInt((Integer p) -> cluster.pools().get(p).rankFor(job)).thenComparingInt(p -> p));
        int first = 0;
        int[] firstNode = new int[cluster.pools().size()];
        for (int p = 0; p < cluster.pools().size(); p++) {
            firstNode[p] = first;
            first += cluster.pools().get(p).nodes();
        }
        for (int p : order) {
            NodePool pool = cluster.pools().get(p);
            long mem = pool.memoryPerNodeMb() == 0 ? 0 : job.memoryPerNodeMb();
            int[] chosen = new int[job.nodes()];
            int k = 0;
            for (int node = firstNode[p]; node < firstNode[p] + pool.nodes() && k < chosen.length; node++) {
                if (c.freeCoresOn(node) >= job.coresPerNode() && c.freeMemoryOn(node) >= mem) chosen[k++] = node;
            }
            if (k == chosen.length) return new Placement(p, job.procs(), chosen, job.coresPerNode(), mem);
        }
        return null;
    }

    private static String shown(Placement p) {
        return p == null ? "does not fit" : "pool " + p.pool() + ", nodes " + Arrays.toString(p.nodes()) + ", " + p.procs()
                + " procs, " + p.coresPerNode() + " cores and " + p.memoryPerNodeMb() + " MB per node";
    }

    private static long sumOfNodes(NodeCapacity c) {
        long sum = 0;
        for (int n = 0; n < c.cluster().nodeCount(); n++) sum += c.freeCoresOn(n);
        return sum;
    }
}
