package org.preemptlab.growth;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;

/** Machine what-ifs: more nodes in a pool, or a new pool. */
public final class MachineGrowth {

    private MachineGrowth() {}

    /**
     * {@code added} more nodes in the named pool (null: the first pool); a processor machine gets
     * {@code added} more processors (it has no pools: the name must be null).
     */
    public static Cluster addNodes(Cluster cluster, String pool, int added) {
        if (added < 0) throw new IllegalArgumentException("added nodes is " + added + "; must be ≥ 0");
        if (cluster instanceof ProcessorMachine pm) {
            if (pool != null) throw new IllegalArgumentException("pool \"" + pool + "\": a processor machine has no pools; add processors without a pool name");
            return new ProcessorMachine(Math.addExact(pm.procs(), added));
        }
        NodeCluster nc = (NodeCluster) cluster;
        int index = pool == null ? 0 : nc.poolIndex(pool);
        if (index < 0) {
            throw new IllegalArgumentException("pool \"" + pool + "\": no such pool; pools are "
                    + String.join(", ", nc.pools().stream().map(NodePool::name).toList()));
        }
        List<NodePool> pools = new ArrayList<>(nc.pools());
        NodePool p = pools.get(index);
        pools.set(index, new NodePool(p.name(), Math.addExact(p.nodes(), added), p.coresPerNode(), p.memoryPerNodeMb(),
                p.owner(), p.borrowers(), p.checkpointBandwidthMBps()));
        return new NodeCluster(pools);
    }

    /** The cluster with one more pool (node clusters only; the name must be new). */
    public static Cluster addPool(Cluster cluster, NodePool pool) {
        if (!(cluster instanceof NodeCluster nc)) {
            throw new IllegalArgumentException("pool \"" + pool.name() + "\": a processor machine has no pools; use addNodes");
        }
        if (nc.poolIndex(pool.name()) >= 0) throw new IllegalArgumentException("pool \"" + pool.name() + "\" already exists");
        List<NodePool> pools = new ArrayList<>(nc.pools());
        pools.add(pool);
        return new NodeCluster(pools);
    }
}
