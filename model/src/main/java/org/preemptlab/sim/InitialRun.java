package org.preemptlab.sim;

import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;

/**
 * A job already running when the scenario begins (a live cluster imported "from now"): at its
 * submit time it is placed on these nodes with {@code elapsedSeconds} of its work already done.
 *
 * @param jobId          the job's id
 * @param nodes          node indices it runs on (in processor mode: empty, or processor numbers)
 * @param elapsedSeconds how long it has run already (less than its run time)
 */
public record InitialRun(int jobId, int[] nodes, long elapsedSeconds) {

    public InitialRun {
        nodes = nodes == null ? new int[0] : nodes.clone();
        if (elapsedSeconds < 0) throw new IllegalArgumentException("job " + jobId + ": elapsed is " + elapsedSeconds + "; must be ≥ 0");
    }

    /** Where it runs on {@code cluster}: its nodes (in processor mode: its processors, or any of that many). */
    Placement placementIn(Cluster cluster, JobSpec spec) {
        if (cluster instanceof NodeCluster nc) {
            if (nodes.length != spec.nodes()) {
                throw new IllegalArgumentException("job " + spec.name() + " runs on " + nodes.length
                        + " nodes; it asks for " + spec.nodes());
            }
            if (nc.site() != null) { // a Slurm cluster: CPUs, memory and GRES as cons_tres gives them, in the job's partition
                Placement p = new org.preemptlab.alloc.TresCapacity(nc).placeOn(spec, nodes);
                if (p == null) {
                    throw new IllegalArgumentException("job " + spec.name() + " cannot run on its nodes: none of its partitions holds them"
                            + " all, or a node is too small for it");
                }
                return p;
            }
            int pool = nc.poolOf(nodes[0]);
            long mem = nc.pools().get(pool).memoryPerNodeMb() == 0 ? 0 : spec.memoryPerNodeMb();
            return new Placement(pool, spec.procs(), nodes, spec.coresPerNode(), mem);
        }
        return nodes.length == 0 ? Placement.ofCount(spec.procs()) : new Placement(-1, spec.procs(), nodes, 1, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitialRun r && r.jobId == jobId && r.elapsedSeconds == elapsedSeconds
                && java.util.Arrays.equals(r.nodes, nodes);
    }

    @Override
    public int hashCode() {
        return 31 * jobId + Long.hashCode(elapsedSeconds);
    }
}
