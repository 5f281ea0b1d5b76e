package org.preemptlab.priority;

/**
 * What the job-size factor is normalised against: the cluster's nodes and CPUs.
 */
public record ClusterSize(long nodes, long cpus) {
    public ClusterSize {
        if (nodes < 1) throw new IllegalArgumentException("cluster nodes: " + nodes + "; must be ≥ 1");
        if (cpus < 1) throw new IllegalArgumentException("cluster cpus: " + cpus + "; must be ≥ 1");
    }
}
