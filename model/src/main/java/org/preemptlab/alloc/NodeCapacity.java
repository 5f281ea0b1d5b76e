package org.preemptlab.alloc;

import org.preemptlab.job.Placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;

/**
 * Free cores and memory on every node of a {@link NodeCluster}. A job's nodes all lie in one pool
 * (like a Slurm partition). Pools are tried in the job's preference order (its group's own pools,
 * then public pools, then pools it may borrow; declaration order within each rank), nodes in order.
 * Nodes that are down (failure, maintenance) have nothing free.
 */
public final class NodeCapacity implements Capacity {

    private final NodeCluster cluster;
    private final int[] firstNode;
    private final int[] poolOfNode; // shared by copies, never written after construction
    private final int[] freeCores;
    private final long[] freeMem;
    /**
     * Free cores per pool, kept with every change of {@link #freeCores}: a job that needs more cores
     * than its pool has free does not fit there, found without scanning the pool's nodes (issue 16:
     * the preemption pass tries every waiting job on a mostly full cluster).
     */
    private final long[] poolFreeCores;
    /**
     * Per pool, how many jobs may be allocated each core (gang scheduling's OverSubscribe=FORCE:N;
     * the cluster then offers N times each node's cores), or null when no pool shares its cores.
     */
    private final int[] rows;

    public NodeCapacity(NodeCluster cluster) {
        this(cluster, null);
    }

    /**
     * A capacity whose pool {@code p} lets {@code rows[p]} jobs share each core: {@code cluster}
     * offers that many times the physical cores. Placement prefers cores shared by fewer jobs, like
     * Slurm's cons_tres filling its rows in order: first cores no job holds, then cores one job holds, …
     */
    public NodeCapacity(NodeCluster cluster, int[] rows) {
        this.cluster = cluster;
        this.rows = rows == null ? null : rows.clone();
        if (rows != null && rows.length != cluster.pools().size()) {
            throw new IllegalArgumentException("rows: " + rows.length + " values for " + cluster.pools().size() + " pools");
        }
        int n = cluster.nodeCount();
        this.freeCores = new int[n];
        this.freeMem = new long[n];
        this.firstNode = new int[cluster.pools().size() + 1];
        this.poolOfNode = new int[n];
        this.poolFreeCores = new long[cluster.pools().size()];
        int node = 0;
        for (int p = 0; p < cluster.pools().size(); p++) {
            NodePool pool = cluster.pools().get(p);
            firstNode[p] = node;
            for (int i = 0; i < pool.nodes(); i++, node++) {
                freeCores[node] = pool.coresPerNode();
                freeMem[node] = pool.memoryPerNodeMb();
                poolOfNode[node] = p;
                poolFreeCores[p] += pool.coresPerNode();
            }
        }
        firstNode[cluster.pools().size()] = node;
    }

    private NodeCapacity(NodeCapacity other) {
        this.cluster = other.cluster;
        this.firstNode = other.firstNode;
        this.poolOfNode = other.poolOfNode;
        this.freeCores = other.freeCores.clone();
        this.freeMem = other.freeMem.clone();
        this.poolFreeCores = other.poolFreeCores.clone();
        this.rows = other.rows;
    }

    public NodeCluster cluster() {
        return cluster;
    }

    public int freeCoresOn(int node) {
        return freeCores[node];
    }

    public long freeMemoryOn(int node) {
        return freeMem[node];
    }

    /** Pool indices in the job's order of preference, only pools that admit it. */
    public List<Integer> poolOrder(JobSpec job) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < cluster.pools().size(); p++) if (cluster.pools().get(p).admits(job)) order.add(p);
        order.sort(Comparator.comparingInt((Integer p) -> cluster.pools().get(p).rankFor(job)).thenComparingInt(p -> p));
        return order;
    }

    @Override
    public Placement place(JobSpec job) {
        // the pools of poolOrder(job), in its order (rank 0, 1, 2; declaration order within a rank), without boxing
        List<NodePool> pools = cluster.pools();
        int[] rank = new int[pools.size()];
        for (int p = 0; p < rank.length; p++) rank[p] = pools.get(p).admits(job) ? pools.get(p).rankFor(job) : -1;
        for (int r = 0; r <= 2; r++) {
            for (int p = 0; p < rank.length; p++) {
                if (rank[p] != r) continue;
                Placement placement = placeIn(p, job);
                if (placement != null) return placement;
            }
        }
        return null;
    }

    /** First-fit of the job in pool {@code p}, or null. */
    public Placement placeIn(int p, JobSpec job) {
        if (poolFreeCores[p] < (long) job.nodes() * job.coresPerNode()) return null; // not enough cores in the whole pool
        NodePool pool = cluster.pools().get(p);
        long mem = pool.memoryPerNodeMb() == 0 ? 0 : job.memoryPerNodeMb();
        int n = rows == null ? 1 : rows[p];
        int physical = pool.coresPerNode() / n;
        if (job.coresPerNode() > physical) return null; // more cores than a node has: sharing does not add any
        for (int row = 1; row <= n; row++) {
            // free cores in rows 1 … row: what is free beyond the rows above, which other jobs fill first
            int reserved = (n - row) * physical;
            int[] chosen = new int[job.nodes()];
            int k = 0;
            for (int node = firstNode[p]; node < firstNode[p + 1] && k < chosen.length; node++) {
                if (freeCores[node] - reserved >= job.coresPerNode() && freeMem[node] >= mem) chosen[k++] = node;
            }
            if (k == chosen.length) return new Placement(p, job.procs(), chosen, job.coresPerNode(), mem);
        }
        return null;
    }

    @Override
    public Placement take(Placement placement) {
        for (int node : placement.nodes()) {
            if (freeCores[node] < placement.coresPerNode() || freeMem[node] < placement.memoryPerNodeMb()) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has " + freeCores[node]
                        + " cores and " + freeMem[node] + " MB free; cannot take " + placement.coresPerNode()
                        + " cores and " + placement.memoryPerNodeMb() + " MB");
            }
        }
        for (int node : placement.nodes()) {
            freeCores[node] -= placement.coresPerNode();
            freeMem[node] -= placement.memoryPerNodeMb();
            poolFreeCores[poolOfNode[node]] -= placement.coresPerNode();
        }
        return placement;
    }

    @Override
    public void release(Placement placement) {
        for (int node : placement.nodes()) {
            freeCores[node] += placement.coresPerNode();
            freeMem[node] += placement.memoryPerNodeMb();
            poolFreeCores[poolOfNode[node]] += placement.coresPerNode();
        }
    }

    @Override
    public void releaseCores(Placement placement) {
        for (int node : placement.nodes()) {
            freeCores[node] += placement.coresPerNode();
            poolFreeCores[poolOfNode[node]] += placement.coresPerNode();
        }
    }

    @Override
    public void releaseMemory(Placement placement) {
        for (int node : placement.nodes()) freeMem[node] += placement.memoryPerNodeMb();
    }

    @Override
    public void takeCores(Placement placement) {
        for (int node : placement.nodes()) {
            if (freeCores[node] < placement.coresPerNode()) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has " + freeCores[node]
                        + " cores free; cannot take " + placement.coresPerNode());
            }
        }
        for (int node : placement.nodes()) {
            freeCores[node] -= placement.coresPerNode();
            poolFreeCores[poolOfNode[node]] -= placement.coresPerNode();
        }
    }

    @Override
    public boolean coresFree(Placement placement) {
        for (int node : placement.nodes()) if (freeCores[node] < placement.coresPerNode()) return false;
        return true;
    }

    @Override
    public Placement seize(int node) {
        Placement p = new Placement(cluster.poolOf(node), freeCores[node], new int[] {node}, freeCores[node], freeMem[node]);
        poolFreeCores[poolOfNode[node]] -= freeCores[node];
        freeCores[node] = 0;
        freeMem[node] = 0;
        return p;
    }

    @Override
    public NodeCapacity copy() {
        return new NodeCapacity(this);
    }

    @Override
    public Capacity meet(Capacity other) {
        NodeCapacity o = (NodeCapacity) other;
        NodeCapacity m = new NodeCapacity(this);
        for (int i = 0; i < freeCores.length; i++) {
            m.freeCores[i] = Math.min(freeCores[i], o.freeCores[i]);
            m.freeMem[i] = Math.min(freeMem[i], o.freeMem[i]);
        }
        Arrays.fill(m.poolFreeCores, 0);
        for (int i = 0; i < m.freeCores.length; i++) m.poolFreeCores[poolOfNode[i]] += m.freeCores[i];
        return m;
    }

    @Override
    public long freeCores() {
        long sum = 0;
        for (long c : poolFreeCores) sum += c;
        return sum;
    }

    @Override
    public String toString() {
        return "free cores " + Arrays.toString(freeCores) + ", free MB " + Arrays.toString(freeMem);
    }
}
