package org.preemptlab.cluster;

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
 */
public record NodePool(
        String name,
        int nodes,
        int coresPerNode,
        long memoryPerNodeMb,
        String owner,
        List<String> borrowers,
        double checkpointBandwidthMBps) {

    public static final double DEFAULT_BANDWIDTH_MBPS = 1000.0;

    public NodePool {
        owner = owner == null ? "" : owner;
        borrowers = borrowers == null ? List.of() : List.copyOf(borrowers);
        if (nodes < 1) throw new IllegalArgumentException("pool " + name + ": nodes is " + nodes + "; must be ≥ 1");
        if (coresPerNode < 1) throw new IllegalArgumentException("pool " + name + ": coresPerNode is " + coresPerNode + "; must be ≥ 1");
        if (!(checkpointBandwidthMBps > 0)) throw new IllegalArgumentException("pool " + name + ": checkpointBandwidthMBps is " + checkpointBandwidthMBps + "; must be > 0");
    }

    public static NodePool simple(String name, int nodes, int cores, long memoryMb) {
        return new NodePool(name, nodes, cores, memoryMb, "", List.of(), DEFAULT_BANDWIDTH_MBPS);
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
