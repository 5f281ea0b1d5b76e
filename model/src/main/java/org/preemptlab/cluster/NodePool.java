package org.preemptlab.cluster;

import org.preemptlab.gres.Gres;

import java.util.List;
import org.preemptlab.job.JobSpec;

/**
 * A set of identical nodes, like a Slurm partition.
 *
 * @param name                 pool name; its nodes are named {@code name-1 … name-n}
 * @param nodes                number of nodes, ≥ 1
 * @param coresPerNode         cores on each node, ≥ 1
 * @param memoryPerNodeMb      memory on each node, MB, ≥ 0 (0: memory not modelled)
 * @param owner                the group that owns the pool (its jobs preempt borrowers here); empty = public
 * @param borrowers            QOS names of other groups' jobs that may borrow the pool ({@code *}: any)
 * @param checkpointBandwidthMBps aggregate checkpoint/restart bandwidth of the pool's storage, MB/s (&gt; 0)
 * @param threadsPerCore       hardware threads per core (Slurm counts CPUs as threads: {@code coresPerNode} is
 *                             Slurm's {@code CPUs}, and a job gets whole cores, so its CPUs round up to a
 *                             multiple of this); 1 for a version-1 pool
 * @param gres                 generic resources on each node ({@code gpu:a100:4}); empty for a version-1 pool
 * @param features             the nodes' features ({@code Features=}), for {@code --constraint}; empty for a version-1 pool
 * @param hostNames            the nodes' names ({@code gpu01}, …), one per node, or empty: {@code name-1 … name-n}
 */
public record NodePool(
        String name,
        int nodes,
        int coresPerNode,
        long memoryPerNodeMb,
        String owner,
        List<String> borrowers,
        double checkpointBandwidthMBps,
        int threadsPerCore,
        List<Gres> gres,
        List<String> features,
        List<String> hostNames) {

    public static final double DEFAULT_BANDWIDTH_MBPS = 1000.0;

    /** A version-1 pool: one thread per core, no GRES, no features, nodes named {@code name-i}. */
    public NodePool(String name, int nodes, int coresPerNode, long memoryPerNodeMb, String owner, List<String> borrowers,
            double checkpointBandwidthMBps) {
        this(name, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, checkpointBandwidthMBps, 1, List.of(),
                List.of(), List.of());
    }

    public NodePool {
        gres = gres == null ? List.of() : List.copyOf(gres);
        features = features == null ? List.of() : List.copyOf(features);
        hostNames = hostNames == null ? List.of() : List.copyOf(hostNames);
        if (threadsPerCore < 1) throw new IllegalArgumentException("pool " + name + ": threadsPerCore is " + threadsPerCore + "; must be ≥ 1");
        if (!hostNames.isEmpty() && hostNames.size() != nodes) {
            throw new IllegalArgumentException("pool " + name + ": " + hostNames.size() + " host names for " + nodes + " nodes");
        }
        owner = owner == null ? "" : owner;
        borrowers = borrowers == null ? List.of() : List.copyOf(borrowers);
        if (nodes < 1) throw new IllegalArgumentException("pool " + name + ": nodes is " + nodes + "; must be ≥ 1");
        if (coresPerNode < 1) throw new IllegalArgumentException("pool " + name + ": coresPerNode is " + coresPerNode + "; must be ≥ 1");
        if (!(checkpointBandwidthMBps > 0)) throw new IllegalArgumentException("pool " + name + ": checkpointBandwidthMBps is " + checkpointBandwidthMBps + "; must be > 0");
    }

    public static NodePool simple(String name, int nodes, int cores, long memoryMb) {
        return new NodePool(name, nodes, cores, memoryMb, "", List.of(), DEFAULT_BANDWIDTH_MBPS);
    }

    /** A copy with the Slurm node attributes (version-2 node groups). */
    public NodePool withHardware(int threads, List<Gres> newGres, List<String> newFeatures, List<String> names) {
        return new NodePool(name, nodes, coresPerNode, memoryPerNodeMb, owner, borrowers, checkpointBandwidthMBps, threads,
                newGres, newFeatures, names);
    }

    /** The name of the pool's {@code i}-th node (from 0). */
    public String nodeName(int i) {
        return hostNames.isEmpty() ? name + "-" + (i + 1) : hostNames.get(i);
    }

    /** How many of GRES {@code name[:type]} each node has (an untyped key counts every type of that name). */
    public long gresCount(Gres wanted) {
        long n = 0;
        for (Gres g : gres) if (wanted.servedBy(g)) n += g.count();
        return n;
    }

    public boolean isPublic() {
        return owner.isEmpty();
    }

    /** True if the job's group owns this pool. */
    public boolean isOwnedBy(JobSpec job) {
        return !owner.isEmpty() && owner.equals(job.group());
    }

    /** True if the job may run here as a borrower (it can be preempted by the owner's jobs). */
    public boolean isBorrowableBy(JobSpec job) {
        return !isPublic() && !isOwnedBy(job) && (borrowers.contains("*") || borrowers.contains(job.qos()));
    }

    /** True if the job may use this pool at all. */
    public boolean admits(JobSpec job) {
        if (!job.pools().isEmpty() && !job.pools().contains(name)) return false;
        return isPublic() || isOwnedBy(job) || isBorrowableBy(job);
    }

    /** The preference rank of this pool for a job: own pools first, then public, then borrowed. */
    public int rankFor(JobSpec job) {
        if (isOwnedBy(job)) return 0;
        return isPublic() ? 1 : 2;
    }
}
