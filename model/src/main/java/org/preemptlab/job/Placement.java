package org.preemptlab.job;

import java.util.Arrays;

/**
 * Where a job runs: {@code nodes.length} nodes (or processors) with {@code coresPerNode} cores and
 * {@code memoryPerNodeMb} MB on each. A processor-mode placement made on a scratch capacity has
 * {@code nodes == null}; the engine's capacity assigns concrete processor numbers when it takes it.
 *
 * @param pool  pool index in node mode, -1 in processor mode
 */
public record Placement(int pool, int procs, int[] nodes, int coresPerNode, long memoryPerNodeMb) {

    public static Placement ofCount(int procs) {
        return new Placement(-1, procs, null, 1, 0);
    }

    public int nodeCount() {
        return nodes == null ? procs : nodes.length;
    }

    public boolean isConcrete() {
        return nodes != null;
    }

    public boolean uses(int node) {
        if (nodes == null) return false;
        for (int n : nodes) if (n == node) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && pool == p.pool && procs == p.procs && coresPerNode == p.coresPerNode
                && memoryPerNodeMb == p.memoryPerNodeMb && Arrays.equals(nodes, p.nodes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + procs;
    }

    @Override
    public String toString() {
        return nodes == null ? procs + " procs" : "nodes " + Arrays.toString(nodes);
    }
}
