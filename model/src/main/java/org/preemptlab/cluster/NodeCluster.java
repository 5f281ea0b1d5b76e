package org.preemptlab.cluster;

import java.util.List;
import org.preemptlab.site.Site;

/**
 * Node pools; node indices run pool by pool in declaration order. A version-2 (Slurm) cluster's
 * pools are its node groups and {@link #site()} holds its partitions, accounts, QOS and priority
 * settings; a version-1 cluster has no site.
 *
 * @param site the Slurm site, or null (version 1: pools, owners and borrowers)
 */
public record NodeCluster(List<NodePool> pools, Site site) implements Cluster {

    /** A version-1 cluster of pools. */
    public NodeCluster(List<NodePool> pools) {
        this(pools, null);
    }

    /**
     * The most nodes a cluster of pools may have: the engine keeps each node's free cores and memory
     * (12 bytes a node) and first-fit scans a pool's nodes. A machine of identical processors
     * ({@link ProcessorMachine}) has no such limit below 2³¹ − 1 processors.
     */
    public static final int MAX_NODES = 1_000_000;

    public NodeCluster {
        pools = List.copyOf(pools);
        if (pools.isEmpty()) throw new IllegalArgumentException("a cluster needs at least one pool");
        long nodes = 0;
        for (NodePool p : pools) nodes += p.nodes();
        if (nodes > MAX_NODES) {
            throw new IllegalArgumentException("a cluster of pools has " + nodes + " nodes; must be ≤ " + MAX_NODES
                    + " (for a larger machine of identical processors use a processor machine)");
        }
    }

    @Override
    public int nodeCount() {
        // a loop, not a stream: the backfill's searches ask for it per job tested (a stream's pipeline objects each time)
        int n = 0;
        for (int i = 0, size = pools.size(); i < size; i++) n += pools.get(i).nodes();
        return n;
    }

    /** Index of the first node of pool {@code p}. */
    public int firstNode(int p) {
        int first = 0;
        for (int i = 0; i < p; i++) first += pools.get(i).nodes();
        return first;
    }

    /** The pool that node {@code index} belongs to. */
    public int poolOf(int index) {
        int first = 0;
        for (int p = 0; p < pools.size(); p++) {
            first += pools.get(p).nodes();
            if (index < first) return p;
        }
        throw new IndexOutOfBoundsException("node " + index + " of " + first);
    }

    public int poolIndex(String name) {
        for (int p = 0; p < pools.size(); p++) if (pools.get(p).name().equals(name)) return p;
        return -1;
    }

    @Override
    public String nodeName(int index) {
        int p = poolOf(index);
        return pools.get(p).nodeName(index - firstNode(p));
    }

    /** True for a version-2 cluster (Slurm partitions, accounts, QOS). */
    public boolean isSlurm() {
        return site != null;
    }

    /** The cluster with a Slurm site (null: version 1). */
    public NodeCluster withSite(Site newSite) {
        return new NodeCluster(pools, newSite);
    }

    @Override
    public long totalCores() {
        long cores = 0;
        for (int i = 0, size = pools.size(); i < size; i++) cores += (long) pools.get(i).nodes() * pools.get(i).coresPerNode();
        return cores;
    }

}
