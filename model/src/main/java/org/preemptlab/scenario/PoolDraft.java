package org.preemptlab.scenario;

import java.util.List;
import org.preemptlab.gres.Gres;

/**
 * A node pool as the editor holds it: any values, valid or not (validation reports the bad ones).
 *
 * @param borrowers QOS names of other groups' jobs that may borrow the pool ({@code *}: any)
 * @param threadsPerCore a version-2 node group's threads per core ({@code coresPerNode} is then Slurm's CPUs); 1 otherwise
 * @param gres      a version-2 node group's generic resources on each node ({@code gpu:a100:4}); empty otherwise
 * @param features  a version-2 node group's features; empty otherwise
 * @param hostNames a version-2 node group's host names, one per node, or empty ({@code name-1 … name-n})
 */
public record PoolDraft(String name, int nodes, int coresPerNode, long memoryPerNodeMb, String owner,
        List<String> borrowers, double bandwidthMBps, int threadsPerCore, List<Gres> gres, List<String> features,
        List<String> hostNames) {

    /** A version-1 pool: no Slurm node attributes. */
    public PoolDraft(String name, int nodes, int coresPerNode, long memoryPerNodeMb, String owner, List<String> borrowers,
            double bandwidthMBps) {
        this(name, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, bandwidthMBps, 1, List.of(), List.of(), List.of());
    }

    public PoolDraft {
        gres = gres == null ? List.of() : List.copyOf(gres);
        features = features == null ? List.of() : List.copyOf(features);
        hostNames = hostNames == null ? List.of() : List.copyOf(hostNames);
        name = name == null ? "" : name;
        owner = owner == null ? "" : owner;
        borrowers = borrowers == null ? List.of() : List.copyOf(borrowers);
    }

    public static PoolDraft of(String name, int nodes, int coresPerNode) {
        return new PoolDraft(name, nodes, coresPerNode, 65_536, "", List.of(), 1000);
    }

    public PoolDraft withName(String v) {
        return with(p -> p.name = v);
    }

    public PoolDraft withNodes(int v) {
        return with(p -> p.nodes = v);
    }

    public PoolDraft withCoresPerNode(int v) {
        return with(p -> p.coresPerNode = v);
    }

    public PoolDraft withMemoryPerNodeMb(long v) {
        return with(p -> p.memoryPerNodeMb = v);
    }

    public PoolDraft withOwner(String v) {
        return with(p -> p.owner = v);
    }

    public PoolDraft withBorrowers(List<String> v) {
        return with(p -> p.borrowers = v);
    }

    public PoolDraft withBandwidthMBps(double v) {
        return with(p -> p.bandwidthMBps = v);
    }

    public PoolDraft withThreadsPerCore(int v) {
        return with(p -> p.threadsPerCore = v);
    }

    public PoolDraft withGres(List<Gres> v) {
        return with(p -> p.gres = v);
    }

    public PoolDraft withFeatures(List<String> v) {
        return with(p -> p.features = v);
    }

    public PoolDraft withHostNames(List<String> v) {
        return with(p -> p.hostNames = v);
    }

    /** GPUs on each node (every {@code gpu} GRES, any type). */
    public long gpusPerNode() {
        long n = 0;
        for (Gres g : gres) if (g.name().equals("gpu")) n += g.count();
        return n;
    }

    /** The PoolDraft with some components changed: every {@code with…} goes through here, so none repeats the record's 11 components. */
    private PoolDraft with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return p.draft();
    }

    /** A PoolDraft's components, to change some and make the new one. */
    private static final class Parts {
        String name;
        int nodes;
        int coresPerNode;
        long memoryPerNodeMb;
        String owner;
        List<String> borrowers;
        double bandwidthMBps;
        int threadsPerCore;
        List<Gres> gres;
        List<String> features;
        List<String> hostNames;

        Parts(PoolDraft d) {
            name = d.name;
            nodes = d.nodes;
            coresPerNode = d.coresPerNode;
            memoryPerNodeMb = d.memoryPerNodeMb;
            owner = d.owner;
            borrowers = d.borrowers;
            bandwidthMBps = d.bandwidthMBps;
            threadsPerCore = d.threadsPerCore;
            gres = d.gres;
            features = d.features;
            hostNames = d.hostNames;
        }

        PoolDraft draft() {
            return new PoolDraft(name, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, bandwidthMBps, threadsPerCore, gres, features, hostNames);
        }
    }
}
