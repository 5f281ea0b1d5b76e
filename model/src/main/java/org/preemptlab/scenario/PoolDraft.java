package org.preemptlab.scenario;

import java.util.List;

/**
 * A node pool as the editor holds it: any values, valid or not (validation reports the bad ones).
 *
 * @param borrowers QOS names of other groups' jobs that may borrow the pool ({@code *}: any)
 */
public record PoolDraft(String name, int nodes, int coresPerNode, long memoryPerNodeMb, String owner,
        List<String> borrowers, double bandwidthMBps) {

    public PoolDraft {
        name = name == null ? "" : name;
        owner = owner == null ? "" : owner;
        borrowers = borrowers == null ? List.of() : List.copyOf(borrowers);
    }

    public static PoolDraft of(String name, int nodes, int coresPerNode) {
        return new PoolDraft(name, nodes, coresPerNode, 65_536, "", List.of(), 1000);
    }

    public PoolDraft withName(String v) {
        return new PoolDraft(v, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, bandwidthMBps);
    }

    public PoolDraft withNodes(int v) {
        return new PoolDraft(name, v, coresPerNode, memoryPerNodeMb, owner, borrowers, bandwidthMBps);
    }

    public PoolDraft withCoresPerNode(int v) {
        return new PoolDraft(name, nodes, v, memoryPerNodeMb, owner, borrowers, bandwidthMBps);
    }

    public PoolDraft withMemoryPerNodeMb(long v) {
        return new PoolDraft(name, nodes, coresPerNode, v, owner, borrowers, bandwidthMBps);
    }

    public PoolDraft withOwner(String v) {
        return new PoolDraft(name, nodes, coresPerNode, memoryPerNodeMb, v, borrowers, bandwidthMBps);
    }

    public PoolDraft withBorrowers(List<String> v) {
        return new PoolDraft(name, nodes, coresPerNode, memoryPerNodeMb, owner, v, bandwidthMBps);
    }

    public PoolDraft withBandwidthMBps(double v) {
        return new PoolDraft(name, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, v);
    }
}
